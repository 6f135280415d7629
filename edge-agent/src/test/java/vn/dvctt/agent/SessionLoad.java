package vn.dvctt.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dvctt.agent.journal.JournalTestData;

/**
 * Does over HTTP what the runner page and its video player do in a session: sign in with a PIN, start an
 * unscheduled session, count 23 attendees and record 5 submissions, then stream a guide with Range
 * requests (playing through, and seeking) for a while, report the play and end the session.
 */
final class SessionLoad {

    record Result(int attendees, int submissions, long bytes, int requests, int seeks) {
    }

    /** Caps the streaming rate like a player that has buffered ahead ({@code -Dbench.agent.stream.mbps}, 0 = no cap). */
    private static final long STREAM_BYTES_PER_S = Long.getLong("bench.agent.stream.mbps", 0) * 1_000_000 / 8;

    private final String base;
    private final String contentId;
    private final long size;
    private String cookie;

    SessionLoad(int port, String contentId, long size) {
        this.base = "http://127.0.0.1:" + port;
        this.contentId = contentId;
        this.size = size;
    }

    Result run(int seconds) throws IOException, InterruptedException {
        for (String page : new String[] {"/", "/runner.js", "/runner.css", "/api/state"}) {
            get(page);
        }
        signIn();
        String session = field(post("/api/sessions", "{\"topic\":\"Benchmark session\"}"), "id");
        for (int i = 0; i < 23; i++) {
            post("/api/sessions/" + session + "/attendance", "{\"delta\":1,\"gender\":\"" + (i % 2 == 0 ? "FEMALE" : "MALE") + "\"}");
        }
        for (int i = 0; i < 5; i++) {
            post("/api/sessions/" + session + "/submissions", "{\"procedureCode\":\"1.001193\",\"dossierCode\":\"H22.101-240601-" + String.format("%04d", i) + "\"}");
        }
        long startedAt = System.currentTimeMillis();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Random random = new Random(3);
        long bytes = 0;
        int requests = 0;
        int seeks = 0;
        long position = 0;
        byte[] buffer = new byte[64 * 1024];
        long nextRefresh = 0;
        long streamStarted = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > nextRefresh) {
                get("/api/state"); // the page refreshes the pending count and online status every 5 s
                nextRefresh = System.nanoTime() + 5_000_000_000L;
            }
            boolean seek = requests > 0 && requests % 8 == 0;
            if (seek) {
                position = (long) (random.nextDouble() * (size - 1));
                seeks++;
            }
            HttpURLConnection c = open("/media/" + contentId);
            c.setRequestProperty("Range", "bytes=" + position + "-");
            if (c.getResponseCode() != 206) {
                throw new IllegalStateException("range request answered " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    position += n;
                    if (STREAM_BYTES_PER_S > 0) {
                        long due = streamStarted + bytes * 1_000_000_000L / STREAM_BYTES_PER_S;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
            }
            requests++;
            if (position >= size) {
                position = 0;
            }
        }
        long playedMs = System.currentTimeMillis() - startedAt;
        post("/api/sessions/" + session + "/played", "{\"contentId\":\"" + contentId + "\",\"startedAt\":" + startedAt
                + ",\"playedMs\":" + playedMs + "}");
        String ended = post("/api/sessions/" + session + "/end", "{\"notes\":\"benchmark\"}");
        if (!ended.contains("\"attendance\":23") || !ended.contains("\"ended\":true")) {
            throw new IllegalStateException("the session did not end with 23 attendees: " + ended);
        }
        return new Result(23, 5, bytes, requests, seeks);
    }

    private void signIn() throws IOException, InterruptedException {
        // the retained brief may still be on its way to the agent
        for (int attempt = 0; ; attempt++) {
            HttpURLConnection c = open("/api/signin");
            send(c, "{\"member\":\"m-lan\",\"pin\":\"" + JournalTestData.PIN_LAN + "\"}");
            if (c.getResponseCode() == 200) {
                String setCookie = c.getHeaderField("Set-Cookie");
                cookie = setCookie.substring(0, setCookie.indexOf(';'));
                c.getInputStream().readAllBytes();
                return;
            }
            if (attempt > 100) {
                throw new IllegalStateException("sign-in answered " + c.getResponseCode());
            }
            Thread.sleep(100);
        }
    }

    private String get(String path) throws IOException {
        HttpURLConnection c = open(path);
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException(path + " answered " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String post(String path, String json) throws IOException {
        HttpURLConnection c = open(path);
        send(c, json);
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException(path + " answered " + c.getResponseCode() + ": "
                    + new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        return c;
    }

    private static void send(HttpURLConnection c, String json) throws IOException {
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("X-DVCTT-Runner", "1");
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
