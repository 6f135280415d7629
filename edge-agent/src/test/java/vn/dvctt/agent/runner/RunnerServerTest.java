package vn.dvctt.agent.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.JournalTestData;
import vn.dvctt.agent.sync.ContentFolder;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;

class RunnerServerTest {

    private static final Map<String, String> PAGE = Map.of(RunnerServer.HEADER, "1");
    private static final int GUIDE_SIZE = 300_000;

    @TempDir
    Path data;
    private Journal journal;
    private RunnerServer server;
    private int port;
    private byte[] guide;
    private String contentId;
    private String partialId;
    private final AtomicInteger wakes = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        journal = Journal.openIn(data, Clock.systemUTC());
        journal.storeBrief(JournalTestData.brief("dev-1", 1));
        ContentFolder folder = new ContentFolder(data);
        guide = new byte[GUIDE_SIZE];
        new Random(7).nextBytes(guide);
        Path source = data.resolve("guide.mp4");
        Files.write(source, guide);
        ManifestEntry entry = Chunking.hash(source, Chunking.MIN_CHUNK_SIZE_BYTES * 16).toEntry("g-khai-sinh", "Khai sinh trực tuyến", 0);
        contentId = entry.contentId();
        Files.move(source, folder.complete(contentId));
        byte[] other = new byte[10_000];
        new Random(8).nextBytes(other);
        Path otherFile = data.resolve("other.bin");
        Files.write(otherFile, other);
        ManifestEntry partial = Chunking.hash(otherFile, Chunking.MIN_CHUNK_SIZE_BYTES).toEntry("g-other", "Not downloaded", 1);
        partialId = partial.contentId();
        Files.writeString(data.resolve("sync/manifest.json"), Manifest.of("dev-1", 1, 1, 10_000_000, DownloadWindow.ALL_DAY,
                List.of(entry, partial)).toJson());
        server = RunnerServer.start(0, journal, data, folder, wakes::incrementAndGet, () -> true,
                ZoneId.of("Asia/Ho_Chi_Minh"));
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        journal.close();
    }

    private RawHttp.Response get(String path, Map<String, String> headers) throws Exception {
        return RawHttp.send(port, "GET", path, headers, null);
    }

    private RawHttp.Response post(String path, Map<String, String> headers, String body) throws Exception {
        return RawHttp.send(port, "POST", path, headers, body);
    }

    private Map<String, String> signedIn(String cookie) {
        return Map.of(RunnerServer.HEADER, "1", "Cookie", cookie);
    }

    private String signIn() throws Exception {
        RawHttp.Response response = post("/api/signin", PAGE, "{\"member\":\"m-lan\",\"pin\":\"" + JournalTestData.PIN_LAN + "\"}");
        assertThat(response.status()).isEqualTo(200);
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String startUnscheduled(String cookie) throws Exception {
        RawHttp.Response started = post("/api/sessions", signedIn(cookie), "{\"topic\":\"Hướng dẫn VNeID\"}");
        assertThat(started.status()).isEqualTo(200);
        return field(started.text(), "id");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    @Test
    void servesThePageFromTheJarWithoutAnythingFromOutside() throws Exception {
        RawHttp.Response page = get("/", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"pin-submit\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(get("/runner.js", Map.of()).text()).contains("X-DVCTT-Runner").doesNotContain("https://");
        assertThat(get("/runner.css", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void refusesAForeignHostHeaderAsADnsRebindingPageWouldSend() throws Exception {
        assertThat(get("/api/state", Map.of("Host", "evil.example:" + port)).status()).isEqualTo(403);
        assertThat(get("/", Map.of("Host", "127.0.0.1.nip.io:" + port)).status()).isEqualTo(403);
        assertThat(post("/api/signin", Map.of("Host", "attacker.test", RunnerServer.HEADER, "1"),
                "{\"member\":\"m-lan\",\"pin\":\"1234\"}").status()).isEqualTo(403);
        assertThat(get("/api/state", Map.of("Host", "localhost:" + port)).status()).isEqualTo(200);
    }

    @Test
    void refusesAStateChangeWithoutTheHeaderOrTheCookieOrFromAnotherOrigin() throws Exception {
        String cookie = signIn();
        String session = startUnscheduled(cookie);
        String plus = "{\"delta\":1}";
        String path = "/api/sessions/" + session + "/attendance";

        assertThat(post(path, Map.of("Cookie", cookie), plus).status()).as("no header").isEqualTo(403);
        assertThat(post(path, PAGE, plus).status()).as("no cookie").isEqualTo(401);
        assertThat(post(path, Map.of(RunnerServer.HEADER, "1", "Cookie", "dvctt_runner=forged"), plus).status()).isEqualTo(401);
        assertThat(post(path, Map.of(RunnerServer.HEADER, "1", "Cookie", cookie, "Origin", "http://evil.example"), plus)
                .status()).as("another origin").isEqualTo(403);
        assertThat(post("/api/signin", Map.of(), "{\"member\":\"m-lan\",\"pin\":\"1234\"}").status())
                .as("even sign-in needs the header").isEqualTo(403);
        assertThat(RawHttp.send(port, "OPTIONS", path, Map.of("Origin", "http://evil.example"), null).status())
                .as("no CORS pre-flight is granted").isEqualTo(405);
        assertThat(journal.session(session).orElseThrow().attendance()).isZero();

        assertThat(post(path, signedIn(cookie), plus).status()).isEqualTo(200);
        assertThat(journal.session(session).orElseThrow().attendance()).isEqualTo(1);
    }

    @Test
    void signsInWithTheRightPinOnlyAndPausesAfterFiveWrongOnes() throws Exception {
        assertThat(get("/api/state", Map.of()).text()).contains("\"m-lan\"").doesNotContain("pinHash").doesNotContain("\"me\"");
        RawHttp.Response wrong = post("/api/signin", PAGE, "{\"member\":\"m-lan\",\"pin\":\"0000\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text()).contains("wrongPin");
        assertThat(wrong.header("Set-Cookie")).isNull();
        assertThat(post("/api/signin", PAGE, "{\"member\":\"m-minh\",\"pin\":\"" + JournalTestData.PIN_LAN + "\"}").status())
                .as("another member's PIN").isEqualTo(403);

        String cookie = signIn();
        RawHttp.Response state = get("/api/state", Map.of("Cookie", cookie));
        assertThat(field(state.text(), "name")).isEqualTo("Nguyễn Thị Lan");
        assertThat(state.text()).contains("\"schedule\":[{\"id\":11").as("today's session first");

        for (int i = 0; i < 4; i++) {
            post("/api/signin", PAGE, "{\"member\":\"m-minh\",\"pin\":\"9999\"}");
        }
        RawHttp.Response paused = post("/api/signin", PAGE, "{\"member\":\"m-minh\",\"pin\":\"" + JournalTestData.PIN_MINH + "\"}");
        assertThat(paused.status()).isEqualTo(429);
    }

    @Test
    void aMalformedDossierCodeIsRefusedAtTheKeyboardAndNothingIsJournalled() throws Exception {
        String cookie = signIn();
        String session = startUnscheduled(cookie);
        int before = wakes.get();

        RawHttp.Response refused = post("/api/sessions/" + session + "/submissions", signedIn(cookie),
                "{\"procedureCode\":\"1.001193\",\"dossierCode\":\"0007\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("dossierCode");
        assertThat(wakes.get()).as("no event, so nothing to send").isEqualTo(before);
    }

    @Test
    void aRecordedActionIsInTheJournalFileBeforeTheResponse() throws Exception {
        String cookie = signIn();
        String session = startUnscheduled(cookie);
        RawHttp.Response recorded = post("/api/sessions/" + session + "/submissions", signedIn(cookie),
                "{\"procedureCode\":\"1.001193\",\"dossierCode\":\"G22.99-250601-0001\"}");
        assertThat(recorded.status()).isEqualTo(200);
        String event = field(recorded.text(), "event");

        // a second connection to the file, as after a power cut: what was confirmed is committed
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("journal/journal.db"));
             PreparedStatement q = db.prepareStatement("SELECT type, session, state FROM event WHERE id = ?")) {
            q.setString(1, event);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("SUBMISSION");
                assertThat(rs.getString(2)).isEqualTo(session);
                assertThat(rs.getInt(3)).as("pending until the server acks").isZero();
            }
        }
        assertThat(wakes.get()).as("the outbox was woken for each action").isEqualTo(2);
    }

    @Test
    void runsASessionFromStartToEnd() throws Exception {
        String cookie = signIn();
        RawHttp.Response started = post("/api/sessions", signedIn(cookie), "{\"scheduledSession\":11}");
        assertThat(started.text()).contains("\"topic\":\"Đăng ký khai sinh trực tuyến\"");
        String session = field(started.text(), "id");
        assertThat(field(post("/api/sessions", signedIn(cookie), "{\"scheduledSession\":11}").text(), "id"))
                .as("starting it again carries on with it").isEqualTo(session);
        String base = "/api/sessions/" + session;

        post(base + "/attendance", signedIn(cookie), "{\"delta\":1,\"gender\":\"FEMALE\",\"ageBand\":\"FROM_60\"}");
        post(base + "/attendance", signedIn(cookie), "{\"delta\":1}");
        RawHttp.Response belowZero = post(base + "/attendance", signedIn(cookie), "{\"delta\":-1,\"gender\":\"MALE\"}");
        assertThat(belowZero.status()).isEqualTo(409);
        assertThat(belowZero.text()).contains("belowZero");
        assertThat(post(base + "/attendance", signedIn(cookie), "{\"delta\":-1,\"gender\":\"FEMALE\"}").status()).isEqualTo(200);
        assertThat(post(base + "/submissions", signedIn(cookie), "{\"procedureCode\":\"nope\"}").status()).isEqualTo(400);
        String first = field(post(base + "/submissions", signedIn(cookie), "{\"procedureCode\":\"1.004227\"}").text(), "event");
        post(base + "/submissions", signedIn(cookie), "{\"procedureCode\":\"1.001193\"}");
        assertThat(post(base + "/withdraw", signedIn(cookie), "{\"submission\":\"" + first + "\"}").status()).isEqualTo(200);
        assertThat(post(base + "/played", signedIn(cookie), "{\"contentId\":\"" + contentId
                + "\",\"startedAt\":1750000000000,\"playedMs\":95000}").status()).isEqualTo(200);
        assertThat(post(base + "/played", signedIn(cookie), "{\"contentId\":\"" + partialId
                + "\",\"startedAt\":1750000000000,\"playedMs\":1000}").status()).as("a guide not downloaded").isEqualTo(400);
        RawHttp.Response ended = post(base + "/end", signedIn(cookie), "{\"notes\":\"Đông người\"}");

        assertThat(ended.text()).contains("\"attendance\":1").contains("\"ended\":true").contains("\"playedMs\":95000")
                .contains("\"FEMALE\":0").contains("\"FROM_60\":1").contains("\"procedureName\":\"Đăng ký khai sinh\"")
                .doesNotContain("1.004227");
        assertThat(post(base + "/attendance", signedIn(cookie), "{\"delta\":1}").status()).as("ended").isEqualTo(409);
        assertThat(post("/api/sessions", signedIn(cookie), "{\"scheduledSession\":11}").status())
                .as("a held scheduled session is not held twice").isEqualTo(409);
        assertThat(get("/api/state", Map.of("Cookie", cookie)).text()).contains("\"id\":11,").contains("\"ended\":true");
        assertThat(journal.pendingCount()).as("start, 3 attendance, 2 submissions, withdrawal, play, end").isEqualTo(9);
    }

    @Test
    void findsProceduresWithoutDiacritics() throws Exception {
        String cookie = signIn();
        assertThat(get("/api/procedures?q=dang+ky", Map.of("Cookie", cookie)).text())
                .contains("Đăng ký khai sinh").contains("Đăng ký kết hôn").doesNotContain("lý lịch");
        assertThat(get("/api/procedures?q=khai%20sinh", Map.of("Cookie", cookie)).text())
                .contains("\"1.001193\"").contains("\"1.010731\"").doesNotContain("kết hôn");
        assertThat(get("/api/procedures?q=LY+LICH", Map.of("Cookie", cookie)).text()).contains("2.000986");
    }

    @Test
    void streamsACompleteGuideWithRangeRequests() throws Exception {
        String cookie = signIn();
        Map<String, String> auth = Map.of("Cookie", cookie);
        String media = "/media/" + contentId;

        RawHttp.Response whole = get(media, auth);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.body()).isEqualTo(guide);

        RawHttp.Response first = get(media, with(auth, "Range", "bytes=0-99"));
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-99/" + GUIDE_SIZE);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(guide, 0, 100));

        RawHttp.Response middle = get(media, with(auth, "Range", "bytes=150000-199999"));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 150000-199999/" + GUIDE_SIZE);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(guide, 150_000, 200_000));

        RawHttp.Response open = get(media, with(auth, "Range", "bytes=299000-"));
        assertThat(open.header("Content-Range")).isEqualTo("bytes 299000-299999/" + GUIDE_SIZE);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(guide, 299_000, GUIDE_SIZE));

        RawHttp.Response suffix = get(media, with(auth, "Range", "bytes=-500"));
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes 299500-299999/" + GUIDE_SIZE);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(guide, 299_500, GUIDE_SIZE));

        RawHttp.Response unsatisfiable = get(media, with(auth, "Range", "bytes=300000-300100"));
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + GUIDE_SIZE);
    }

    @Test
    void neverServesAGuideThatIsIncompleteUnknownOrToAPageNotSignedIn() throws Exception {
        String cookie = signIn();
        assertThat(get("/media/" + partialId, Map.of("Cookie", cookie)).status()).isEqualTo(404);
        assertThat(get("/media/" + "ab".repeat(32), Map.of("Cookie", cookie)).status()).isEqualTo(404);
        assertThat(get("/media/..%2F..%2Fjournal%2Fjournal.db", Map.of("Cookie", cookie)).status()).isEqualTo(404);
        assertThat(get("/media/" + contentId, Map.of()).status()).isEqualTo(401);
        assertThat(get("/api/state", Map.of("Cookie", cookie)).text()).contains(contentId).doesNotContain(partialId);
    }

    @Test
    void opensLongVideosInSlicesSoNoResponseHoldsAThreadForLong() {
        long size = 50L * 1024 * 1024;
        assertThat(ByteRange.parse("bytes=0-", size, RunnerServer.MAX_RANGE_BYTES))
                .containsExactly(0, RunnerServer.MAX_RANGE_BYTES - 1);
        assertThat(ByteRange.parse("bytes=0-99,200-299", size, 10)).as("several ranges: the whole file").isNull();
        assertThat(ByteRange.parse("items=0-1", size, 10)).isNull();
        assertThat(ByteRange.parse("bytes=-0", size, 10)).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(name, value);
        return all;
    }
}
