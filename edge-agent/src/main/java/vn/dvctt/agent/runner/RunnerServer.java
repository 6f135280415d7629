package vn.dvctt.agent.runner;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import vn.dvctt.agent.Log;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.JournalException;
import vn.dvctt.agent.journal.SessionState;
import vn.dvctt.agent.sync.ContentFolder;
import vn.dvctt.content.AgentEvent.AgeBand;
import vn.dvctt.content.AgentEvent.Gender;
import vn.dvctt.content.RunnerBrief;

/**
 * The session runner's local web page and API (docs/decisions/0003), on the JDK's HTTP server bound to
 * 127.0.0.1 only. Any page the PC's browser shows could send requests here, so:
 * <ul>
 * <li>the Host header must name localhost or 127.0.0.1 with this port, which defeats DNS rebinding;</li>
 * <li>every state change needs the {@value #HEADER} header, which a cross-site form cannot set and a
 * cross-site script cannot send without a CORS pre-flight this server never grants, and (except sign-in)
 * the sign-in cookie, {@code SameSite=Strict} and {@code HttpOnly};</li>
 * <li>guides are streamed (with Range requests, so the player can seek) only to a signed-in page and only
 * when complete.</li>
 * </ul>
 */
public final class RunnerServer implements AutoCloseable {

    private static final Log log = Log.of(RunnerServer.class);

    public static final int DEFAULT_PORT = 8765;
    static final String HEADER = "X-DVCTT-Runner";
    static final String COOKIE = "dvctt_runner";
    private static final int MAX_BODY = 16 * 1024;
    /** An open-ended range is answered with at most this much, so no response holds a thread for long. */
    static final long MAX_RANGE_BYTES = 4L * 1024 * 1024;
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/runner.js", "runner.js", "/runner.css", "runner.css");

    private final HttpServer server;
    private final ExecutorService threads;
    private final RunnerService service;
    private final Set<String> hosts;
    private final Set<String> origins;

    private RunnerServer(HttpServer server, ExecutorService threads, RunnerService service) {
        this.server = server;
        this.threads = threads;
        this.service = service;
        int port = server.getAddress().getPort();
        this.hosts = Set.of("localhost:" + port, "127.0.0.1:" + port);
        this.origins = Set.of("http://localhost:" + port, "http://127.0.0.1:" + port);
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @param wake   called after every journalled action, so the outbox sends it at once
     * @param online whether the agent's broker link is up, shown on the page
     */
    public static RunnerServer start(int port, Journal journal, Path dataDir, ContentFolder folder, Runnable wake,
                                     BooleanSupplier online, ZoneId zone) throws IOException {
        // a response the browser stops reading (a paused video) must not hold one of our few threads forever
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "120"));
        RunnerService service = new RunnerService(journal, new GuideShelf(dataDir, folder), wake, online,
                Clock.systemUTC(), zone);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        // at most 3 workers, started only when no idle one can take the exchange and ended after a minute
        // idle: the page is used a few hours a week, and every thread costs the agent ~100 KB. With all
        // three busy the dispatcher waits for one (a hand-off queue: nothing piles up)
        ThreadPoolExecutor threads = new ThreadPoolExecutor(0, 3, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(null, r, "dvctt-runner-http", 256 * 1024);
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            try {
                if (!pool.isShutdown()) {
                    pool.getQueue().put(task);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(threads);
        RunnerServer runner = new RunnerServer(server, threads, service);
        server.createContext("/", runner::handle);
        server.start();
        log.info("Session runner at http://localhost:{}/", runner.port());
        return runner;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        // closed in finally, not try-with-resources: that would close it before a catch sends the error
        try {
            Headers out = exchange.getResponseHeaders();
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", "DENY");
            out.set("Referrer-Policy", "no-referrer");
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                send(exchange, 403, error("foreignHost", "this page answers only to http://localhost:" + port()));
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") || method.equals("HEAD")) {
                get(exchange, path);
            } else if (method.equals("POST")) {
                post(exchange, path);
            } else {
                // OPTIONS too: no CORS pre-flight is ever granted
                send(exchange, 405, error("method", "method not allowed"));
            }
        } catch (RunnerService.Refused e) {
            sendQuietly(exchange, e.status, error(e.code, e.getMessage()));
        } catch (JournalException e) {
            log.error("The journal refused an action", e);
            sendQuietly(exchange, 503, error("journal", "the action was NOT recorded: " + e.getMessage()));
        } catch (IOException e) {
            log.debug("Runner client went away: {}", e.toString()); // a seeking video drops its connection
        } catch (RuntimeException e) {
            log.error("Runner request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendQuietly(exchange, 500, error("internal", "internal error"));
        } finally {
            exchange.close();
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        String resource = STATIC.get(path);
        if (resource != null) {
            serveResource(exchange, resource);
            return;
        }
        if (path.equals("/api/state")) {
            send(exchange, 200, state(signedIn(exchange)));
            return;
        }
        requireSignedIn(exchange);
        if (path.equals("/api/procedures")) {
            String q = query(exchange).getOrDefault("q", "");
            Json.Writer w = Json.writer().begin().beginArray("procedures");
            for (RunnerBrief.Procedure p : Catalogue.search(service.brief().map(RunnerBrief::procedures).orElse(List.of()), q)) {
                w.begin().field("code", p.code()).field("name", p.name()).field("essential", p.essential()).end();
            }
            send(exchange, 200, w.endArray().end().toString());
        } else if (path.startsWith("/api/sessions/")) {
            send(exchange, 200, session(service.session(path.substring("/api/sessions/".length()))));
        } else if (path.startsWith("/media/")) {
            media(exchange, path.substring("/media/".length()));
        } else {
            send(exchange, 404, error("notFound", "not found"));
        }
    }

    private void post(HttpExchange exchange, String path) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (!"1".equals(exchange.getRequestHeaders().getFirst(HEADER)) || (origin != null && !origins.contains(origin))) {
            send(exchange, 403, error("forbidden", "a state change needs the runner page's header"));
            return;
        }
        Map<String, Object> body = body(exchange);
        if (path.equals("/api/signin")) {
            RunnerService.SignedIn signedIn = service.signIn(text(body, "member"), text(body, "pin"));
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + signedIn.token()
                    + "; Path=/; HttpOnly; SameSite=Strict");
            send(exchange, 200, state(Optional.of(signedIn.member())));
            return;
        }
        RunnerBrief.Member me = requireSignedIn(exchange);
        if (path.equals("/api/signout")) {
            service.signOut(cookie(exchange));
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            send(exchange, 200, state(Optional.empty()));
            return;
        }
        if (path.equals("/api/sessions")) {
            Object scheduled = body.get("scheduledSession");
            SessionState s = service.start(me.id(), scheduled instanceof Long l ? l : null, text(body, "topic"));
            send(exchange, 200, session(s));
            return;
        }
        String[] parts = path.split("/"); // "", api, sessions, {id}, {action}
        if (parts.length != 5 || !parts[1].equals("api") || !parts[2].equals("sessions")) {
            send(exchange, 404, error("notFound", "not found"));
            return;
        }
        String id = parts[3];
        SessionState s = switch (parts[4]) {
            case "attendance" -> service.attendance(id, me.id(), (int) number(body, "delta"),
                    enumValue(Gender.class, text(body, "gender")), enumValue(AgeBand.class, text(body, "ageBand")));
            case "submissions" -> service.submission(id, me.id(), text(body, "procedureCode"), text(body, "dossierCode"));
            case "withdraw" -> service.withdraw(id, me.id(), text(body, "submission"));
            case "played" -> service.played(id, me.id(), text(body, "contentId"), number(body, "startedAt"),
                    number(body, "playedMs"));
            case "end" -> service.end(id, me.id(), text(body, "notes"));
            default -> throw new RunnerService.Refused(404, "notFound", "not found");
        };
        send(exchange, 200, session(s));
    }

    // ---- media with Range requests -------------------------------------------------------------

    private void media(HttpExchange exchange, String contentId) throws IOException {
        Optional<Path> file = service.guides().file(contentId);
        if (file.isEmpty()) {
            send(exchange, 404, error("noGuide", "no complete guide " + contentId));
            return;
        }
        try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ)) {
            long size = channel.size();
            Headers h = exchange.getResponseHeaders();
            h.set("Accept-Ranges", "bytes");
            h.set("Content-Type", "video/mp4");
            h.set("Cache-Control", "private, max-age=3600");
            String range = exchange.getRequestHeaders().getFirst("Range");
            long start = 0;
            long end = size - 1;
            int status = 200;
            if (range != null) {
                long[] r = ByteRange.parse(range, size, MAX_RANGE_BYTES);
                if (r == null) {
                    // not a single byte range we understand: the whole file, as RFC 9110 allows
                } else if (r.length == 0) {
                    h.set("Content-Range", "bytes */" + size);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                } else {
                    start = r[0];
                    end = r[1];
                    status = 206;
                    h.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
                }
            }
            long length = end - start + 1;
            if (exchange.getRequestMethod().equals("HEAD")) {
                h.set("Content-Length", Long.toString(length));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, size == 0 ? -1 : length);
            OutputStream body = exchange.getResponseBody();
            ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
            long position = start;
            while (position <= end) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), end - position + 1));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                body.write(buffer.array(), 0, read);
                position += read;
            }
        }
    }

    // ---- JSON views --------------------------------------------------------------------------

    private String state(Optional<RunnerBrief.Member> me) {
        Optional<RunnerBrief> brief = service.brief();
        Journal journal = service.journal();
        Json.Writer w = Json.writer().begin()
                .field("online", service.online())
                .field("pending", journal.pendingCount())
                .field("rejected", journal.rejectedCount())
                .field("today", service.today().toString());
        if (brief.isPresent()) {
            RunnerBrief b = brief.get();
            w.beginObject("brief").field("version", b.version()).field("venue", b.venue().name())
                    .field("unit", b.venue().unit()).end();
            w.beginArray("members");
            for (RunnerBrief.Member m : b.members()) {
                w.begin().field("id", m.id()).field("name", m.name()).field("role", m.role()).end();
            }
            w.endArray();
        } else {
            w.beginArray("members").endArray();
        }
        if (me.isPresent()) {
            w.beginObject("me").field("id", me.get().id()).field("name", me.get().name()).end();
            List<Long> started = journal.startedScheduledSessions();
            List<SessionState> open = journal.openSessions();
            String today = service.today().toString();
            w.beginArray("schedule");
            for (RunnerBrief.Session s : service.schedule()) {
                w.begin().field("id", s.id()).field("startsAt", s.startsAt().toString())
                        .field("endsAt", s.endsAt().toString()).field("topic", s.topic()).field("audience", s.audience())
                        .field("expected", s.expectedAttendance())
                        .field("today", s.startsAt().toLocalDate().toString().equals(today))
                        .field("started", started.contains(s.id()))
                        .field("ended", started.contains(s.id())
                                && open.stream().noneMatch(o -> Long.valueOf(s.id()).equals(o.scheduledSession())))
                        .end();
            }
            w.endArray().beginArray("open");
            for (SessionState s : open) {
                w.begin().field("id", s.id()).field("topic", topic(s)).field("startedAt", s.startedAt())
                        .field("attendance", s.attendance()).end();
            }
            w.endArray().beginArray("guides");
            for (GuideShelf.Guide g : service.guides().playable()) {
                w.begin().field("contentId", g.contentId()).field("guideId", g.guideId()).field("title", g.title())
                        .field("sizeBytes", g.sizeBytes()).end();
            }
            w.endArray();
        }
        return w.end().toString();
    }

    private String topic(SessionState s) {
        if (s.topic() != null) {
            return s.topic();
        }
        return service.brief().flatMap(b -> b.sessions().stream().filter(x -> x.id() == s.scheduledSession())
                .findFirst()).map(RunnerBrief.Session::topic).orElse("#" + s.scheduledSession());
    }

    private String session(SessionState s) {
        Map<String, String> names = service.brief().map(b -> b.procedures().stream()
                .collect(java.util.stream.Collectors.toMap(RunnerBrief.Procedure::code, RunnerBrief.Procedure::name)))
                .orElse(Map.of());
        Json.Writer w = Json.writer().begin().field("id", s.id())
                .field("scheduledSession", s.scheduledSession() == null ? 0 : s.scheduledSession())
                .field("topic", topic(s)).field("startedAt", s.startedAt()).field("startedBy", s.startedBy())
                .field("attendance", s.attendance()).beginObject("byGender");
        for (Gender g : Gender.values()) {
            w.field(g.name(), s.gender(g));
        }
        w.end().beginObject("byAgeBand");
        for (AgeBand a : AgeBand.values()) {
            w.field(a.name(), s.ageBand(a));
        }
        w.end().beginArray("submissions");
        for (SessionState.Submission sub : s.submissions()) {
            w.begin().field("event", sub.event()).field("procedureCode", sub.procedureCode())
                    .field("procedureName", names.getOrDefault(sub.procedureCode(), sub.procedureCode()))
                    .field("dossierCode", sub.dossierCode()).field("at", sub.at()).end();
        }
        w.endArray().beginArray("played");
        for (SessionState.Played p : s.played()) {
            w.begin().field("contentId", p.contentId()).field("title", p.title()).field("startedAt", p.startedAt())
                    .field("playedMs", p.playedMs()).end();
        }
        w.endArray().field("ended", s.ended()).field("endedAt", s.endedAt()).field("notes", s.notes());
        return w.end().toString();
    }

    private static String error(String code, String message) {
        return Json.writer().begin().field("error", code).field("message", message).end().toString();
    }

    // ---- request helpers ------------------------------------------------------------------------

    private Optional<RunnerBrief.Member> signedIn(HttpExchange exchange) {
        return service.member(cookie(exchange));
    }

    private RunnerBrief.Member requireSignedIn(HttpExchange exchange) {
        return signedIn(exchange).orElseThrow(() -> new RunnerService.Refused(401, "signIn", "sign in first"));
    }

    private static String cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new RunnerService.Refused(413, "tooLarge", "request body too large");
            }
            if (bytes.length == 0) {
                return Map.of();
            }
            try {
                return Json.parseFlat(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new RunnerService.Refused(400, "badJson", "malformed JSON: " + e.getMessage());
            }
        }
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new RunnerService.Refused(400, "badField", name + " must be text");
        }
        return s;
    }

    private static long number(Map<String, Object> body, String name) {
        if (!(body.get(name) instanceof Long l)) {
            throw new RunnerService.Refused(400, "badField", name + " must be a whole number");
        }
        return l;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RunnerService.Refused(400, "badField", "unknown " + type.getSimpleName() + " " + value);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void serveResource(HttpExchange exchange, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = RunnerServer.class.getResourceAsStream("/runner/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource /runner/" + name + " missing from the jar");
            }
            bytes = in.readAllBytes();
        }
        Headers h = exchange.getResponseHeaders();
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-cache");
        // everything comes from here: no CDN, no inline script, works offline
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; media-src 'self'; "
                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sendQuietly(HttpExchange exchange, int status, String json) {
        try {
            send(exchange, status, json);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not send the error response: {}", e.toString());
        }
    }
}
