package dk.amu.catalogue.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schools' portal under a large school: one school with {@code subscriptions} subscriptions and
 * {@code deliveries} deliveries (each with an attempt; every 50th dead after eight), beside a second
 * school of the same size, on the real notifier with an embedded PostgreSQL 17 and an FKB of 300
 * links ingested through the real ingest service (100 of them ending within the 12 months after the
 * catalogue clock). The rows are written with SQL, as the outbox would have them. Signed in through
 * the login form, each page is asked for {@code warm-up} times, then {@code requests} times, one at
 * a time; each answer is timed from the request to its last byte on loopback (the server's time plus
 * a loopback round trip). Beside it, in the same run, psql runs the page's main statement as the
 * repository sends it, {@code requests} times in one session, timed by psql's {@code \timing}.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.PortalPagesHarness [subscriptions=1000] [deliveries=100000] [requests=200] [warm-up=50]}
 */
public final class PortalPagesHarness {

    private static final String FKB = "bench-portal";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PortalPagesHarness() {
    }

    public static void main(String[] args) throws Exception {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        // the FKB's moved links end on 01-01-2035 and later: within the 12 months after the clock
        try (var rig = NotifierRig.start(Map.of("catalogue.clock-start", "2034-06-01",
                "catalogue.notifier.scheduling", false), 1)) {
            rig.ingest(FKB, NotifierRig.document(300, 100, 0));
            var jdbc = rig.notifierBean(JdbcTemplate.class);
            awaitLinks(jdbc, 300);
            var key = "amuk_benchmark_" + UUID.randomUUID();
            var school = newSchool(jdbc, "Benchmark school", key);
            var other = newSchool(jdbc, "Other benchmark school", "amuk_other_" + UUID.randomUUID());
            for (var id : List.of(other, school)) {
                fillSubscriptions(jdbc, id, subscriptions);
                fillOutbox(jdbc, id, deliveries);
            }
            jdbc.execute("vacuum analyze notifier.deliveries");
            jdbc.execute("vacuum analyze notifier.notices");
            jdbc.execute("vacuum analyze notifier.delivery_attempts");
            jdbc.execute("vacuum analyze notifier.subscriptions");
            System.out.printf("school %s: %d subscriptions, %d deliveries; beside it school %s of the same size%n", school,
                    subscriptions, deliveries, other);

            var portal = new Portal(rig.notifierPort());
            portal.signIn(key);
            var subscription = jdbc.queryForObject("select id from notifier.subscriptions where school_id = ? order by id limit 1",
                    UUID.class, school);
            var delivery = jdbc.queryForObject("select max(id) from notifier.deliveries where school_id = ? and status = 'DEAD'",
                    Long.class, school);
            var pages = new LinkedHashMap<String, String>();
            pages.put("/", null);
            pages.put("/subscriptions", "select * from notifier.subscriptions where school_id = '" + school
                    + "' order by created_at desc, id limit 51 offset 0");
            pages.put("/subscriptions/" + subscription, "select * from notifier.subscriptions where id = '" + subscription + "'");
            pages.put("/upcoming", "select n.fkb_code, n.course_number, n.linked_to, n.lead_days, min(n.created_at) "
                    + "from notifier.notices n join notifier.subscriptions s on s.id = n.subscription_id "
                    + "where s.school_id = '" + school + "' and n.type = 'CourseLinkExpiryWarning' and n.lead_days is not null "
                    + "and n.linked_to >= date '2034-06-01' group by n.fkb_code, n.course_number, n.linked_to, n.lead_days "
                    + "order by n.lead_days desc");
            pages.put("/deliveries", "select d.id from notifier.deliveries d join notifier.notices n on n.id = d.notice "
                    + "where d.school_id = '" + school + "' order by d.id desc limit 51");
            pages.put("/deliveries?status=DEAD", "select d.id from notifier.deliveries d join notifier.notices n on n.id = d.notice "
                    + "where d.school_id = '" + school + "' and d.status = 'DEAD' order by d.id desc limit 51");
            pages.put("/deliveries/" + delivery, "select attempt, attempted_at, status_code, error, response_excerpt, duration_ms "
                    + "from notifier.delivery_attempts where delivery = " + delivery + " order by attempt desc limit 100");
            pages.put("/help", null);
            System.out.printf("%-52s %8s %8s %8s %8s   %s%n", "page", "p50 ms", "p95 ms", "max ms", "bytes", "psql p50 / p95 ms");
            for (var page : pages.entrySet()) {
                var times = portal.time(page.getKey(), warmUp, requests);
                var psql = page.getValue() == null ? "" : psql(rig.databasePort(), page.getValue(), requests);
                System.out.printf("%-52s %8.1f %8.1f %8.1f %8d   %s%n", page.getKey(), NotifierRig.percentile(times, 0.50),
                        NotifierRig.percentile(times, 0.95), times[times.length - 1], portal.lastBytes, psql);
            }
        }
    }

    private static UUID newSchool(JdbcTemplate jdbc, String name, String key) throws Exception {
        var id = UUID.randomUUID();
        var hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        jdbc.update("insert into notifier.schools (id, name, email, key_hash, created_at) values (?, ?, ?, ?, now())",
                id, name, "bench@example.org", hash);
        return id;
    }

    /** Subscriptions as schools make them: the FKB, a third of them also one course, each its own endpoint. */
    private static void fillSubscriptions(JdbcTemplate jdbc, UUID school, int count) {
        jdbc.update("""
                insert into notifier.subscriptions (id, school_id, fkb_codes, course_numbers, euu_codes, event_types, webhook_url,
                    email, lead_days, delivery, digest_hour, webhook_secret, feed_token, created_at)
                select gen_random_uuid(), ?, array[?], case when g % 3 = 0 then array[(10000 + g % 300)::text] else '{}' end,
                    '{}', '{}', 'https://hooks.example.org/' || g, null, array[90, 30, 7], 'IMMEDIATE', 7,
                    'whsec_' || md5(random()::text), md5(random()::text) || g, now() - g * interval '1 minute'
                from generate_series(1, ?) g
                """, school, FKB, count);
    }

    private static void fillOutbox(JdbcTemplate jdbc, UUID school, int deliveries) {
        jdbc.update("""
                insert into notifier.notices (subscription_id, notice_id, type, fkb_code, course_number, linked_to, lead_days, event, created_at)
                select s.id, 'bench-' || s.id || '-' || g,
                       case when g % 1000 = 0 then 'CourseLinkExpiryWarning' else 'CourseLinkEndScheduled' end, ?,
                       lpad((10000 + g % 300)::text, 5, '0'),
                       case when g % 1000 = 0 then date '2035-01-01' end, case when g % 1000 = 0 then 90 end,
                       '{"specversion":"1.0","id":"bench-' || g || '","source":"/amu-catalogue/fkbs/bench-portal",'
                       || '"type":"dk.amu.catalogue.CourseLinkEndScheduled","time":"2034-05-01T00:00:00Z",'
                       || '"datacontenttype":"application/json","data":{"fkbCode":"bench-portal","courseNumber":"'
                       || (10000 + g % 300) || '","text":"Kursus ' || (10000 + g % 300) || ' får en slutdato."}}',
                       timestamptz '2034-05-01' + g * interval '1 minute'
                from generate_series(1, ?) g
                join (select id, row_number() over (order by id) - 1 as i from notifier.subscriptions where school_id = ?) s
                  on s.i = g % (select count(*) from notifier.subscriptions where school_id = ?)
                """, FKB, deliveries, school, school);
        jdbc.update("""
                insert into notifier.deliveries (notice, subscription_id, school_id, channel, status, attempts, next_attempt_at,
                                                 created_at, last_attempt_at, delivered_at, last_status, last_error)
                select n.id, n.subscription_id, ?, 'WEBHOOK', case when n.id % 50 = 0 then 'DEAD' else 'DELIVERED' end,
                       case when n.id % 50 = 0 then 8 else 1 end, n.created_at, n.created_at, n.created_at,
                       case when n.id % 50 = 0 then null else n.created_at end, case when n.id % 50 = 0 then 500 else 200 end,
                       case when n.id % 50 = 0 then 'HTTP 500' end
                from notifier.notices n join notifier.subscriptions s on s.id = n.subscription_id
                where s.school_id = ? and n.notice_id like 'bench-%'
                """, school, school);
        jdbc.update("""
                insert into notifier.delivery_attempts (delivery, attempt, attempted_at, status_code, error, response_excerpt, duration_ms)
                select d.id, a, d.created_at + a * interval '1 hour', d.last_status, d.last_error,
                       case when d.status = 'DEAD' then 'internal error' else 'ok' end, 12
                from notifier.deliveries d, generate_series(1, 8) a
                where d.school_id = ? and a <= d.attempts
                """, school);
    }

    private static void awaitLinks(JdbcTemplate jdbc, int links) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (jdbc.queryForObject("select count(*) from notifier.links where fkb_code = ?", Long.class, FKB) < links) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the notifier did not fold the FKB's " + links + " links in 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** psql's own timing of the statement, run {@code times} times in one session: "p50 / p95". */
    private static String psql(int port, String statement, int runs) throws IOException, InterruptedException {
        var script = new StringBuilder("\\timing on\n");
        for (int i = 0; i < runs; i++) {
            script.append(statement).append(";\n");
        }
        var process = new ProcessBuilder("psql", "-X", "-q", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-d", "postgres", "-o", "/dev/null").redirectErrorStream(false).start();
        process.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var times = Pattern.compile("Time: ([0-9.]+) ms").matcher(out).results().mapToDouble(m -> Double.parseDouble(m.group(1)))
                .sorted().toArray();
        if (times.length == 0) {
            return "psql gave no timing: " + out.strip();
        }
        return String.format("%.2f / %.2f", NotifierRig.percentile(times, 0.50), NotifierRig.percentile(times, 0.95));
    }

    /** A browser without script: cookies kept, the login form posted with its token. */
    private static final class Portal {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        private final String base;

        private int lastBytes;

        Portal(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        void signIn(String key) throws Exception {
            var form = get("/login").body();
            var token = CSRF.matcher(form);
            if (!token.find()) {
                throw new IllegalStateException("no login form at /login");
            }
            var body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&apiKey="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8);
            var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 303) {
                throw new IllegalStateException("sign-in answered " + answer.statusCode());
            }
        }

        double[] time(String path, int warmUp, int requests) throws Exception {
            var times = new ArrayList<Double>();
            for (int i = 0; i < warmUp + requests; i++) {
                long start = System.nanoTime();
                var answer = get(path);
                long end = System.nanoTime();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + answer.statusCode());
                }
                lastBytes = answer.body().length();
                if (i >= warmUp) {
                    times.add((end - start) / 1e6);
                }
            }
            var sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return sorted;
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
