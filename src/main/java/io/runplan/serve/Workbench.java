package io.runplan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import io.runplan.calendar.CalendarExport;
import io.runplan.domain.TrainingPlan;
import io.runplan.replan.Replanner;
import io.runplan.report.SeasonPage;
import io.runplan.report.WeekPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The coach's workbench ({@code runplan serve}): a local web app over a folder of plan files. Pages: the list of plans
 * and each plan as the week view; a JSON API for every action the page offers (docs/serve.md), so scripts can do the
 * same. On any address but 127.0.0.1 every request needs the access token printed at start.
 */
public final class Workbench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Mustache PLANS_PAGE = new DefaultMustacheFactory("io/runplan/serve").compile("plans.mustache");
    private static final Mustache INVALID_PAGE = new DefaultMustacheFactory("io/runplan/serve").compile("invalid.mustache");
    private static final List<String> STYLESHEETS = List.of("/assets/workbench.css");
    private static final List<String> SCRIPTS = List.of("/assets/workbench.js");
    private static final String TOKEN_COOKIE = "runplan-token";
    private static final String LOOPBACK = "127.0.0.1";
    private static final int MAX_RECOMMENDATIONS = 20;
    private static final long PING_SECONDS = 15;
    private static final String REFUSED = "runplan.refused";
    private static final long SETTLE_MILLIS = 150;

    /**
     * How the workbench runs: the folder, where it listens ({@code port} 0: any free port), the access token (null: none,
     * only on 127.0.0.1), the reader's strictness, and the default limits of solves and re-plans started from it.
     */
    public record Settings(Path folder, String host, int port, String token, boolean strict, Long moves, Integer seconds,
            long seed, ToIntFunction<TrainingPlan> solveSeconds, int replanSeconds) {

        /** Whether {@code host} needs the access token: every address but 127.0.0.1. */
        public static boolean needsToken(String host) {
            return !LOOPBACK.equals(host);
        }

        /** A random access token, as notebook servers print in their address. */
        public static String newToken() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    private final Settings settings;
    private final SolveLimit limit;
    private final PlanEvents events = new PlanEvents();
    private final PlanFolder folder;
    private final PlanSolves solves;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(daemon("runplan-ping"));
    private Javalin app;
    private WatchService watcher;

    public Workbench(Settings settings) {
        this.settings = settings;
        this.limit = new SolveLimit(settings.moves(), settings.seconds(), settings.seed());
        this.folder = new PlanFolder(settings.folder(), settings.strict(), this::announce);
        this.solves = new PlanSolves(events, settings.solveSeconds());
    }

    /** Starts listening; returns the address to open (with the token in it when one is needed). */
    public String start() {
        folder.names(); // a folder that cannot be read is the user's to fix before anything starts
        app = Javalin.create(this::configure).start(settings.host(), settings.port());
        pinger.scheduleAtFixedRate(events::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
        watchFolder();
        return address();
    }

    /** "http://127.0.0.1:8080/", or with "?token=..." when the token is needed. */
    public String address() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + app.port() + "/" + (settings.token() == null ? "" : "?token=" + settings.token());
    }

    public int port() {
        return app.port();
    }

    /** Stops every solve (each writes its best plan so far), then the server. */
    @Override
    public void close() {
        solves.close();
        pinger.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing
            }
        }
        events.closeAll();
        if (app != null) {
            app.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------ the routes

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = 64L * 1024 * 1024;
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/io/runplan/serve/assets";
            files.location = Location.CLASSPATH;
        });
        var routes = config.routes;
        routes.before(this::checkAccess);
        routes.get("/", ctx -> ctx.html(plansPage()));
        routes.get("/plans/{file}", this::planPage);
        routes.get("/plans/{file}/week.html", ctx -> {
            PlanOnDisk plan = plan(ctx);
            // as export --html writes it: a season's plan file as the season page
            String html = plan.read(v -> SeasonPage.isSeason(valid(plan, v).plan())
                    ? new SeasonPage(v.plan(), v.plan().plan(), v.report()).html()
                    : new WeekPage(v.plan().plan(), v.report(), v.plan().timeZone()).html());
            attachment(ctx, weekFile(plan.name()), "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        });

        routes.get("/api/plans", ctx -> {
            allowQuery(ctx);
            json(ctx, 200, summaries());
        });
        routes.post("/api/plans/{file}", ctx -> {
            allowQuery(ctx);
            PlanOnDisk plan = folder.create(ctx.pathParam("file"), ctx.bodyAsBytes());
            json(ctx, 201, state(plan));
        });
        routes.put("/api/plans/{file}", ctx -> {
            allowQuery(ctx, "version");
            PlanOnDisk plan = plan(ctx);
            plan.replace(ctx.queryParam("version"), ctx.bodyAsBytes());
            json(ctx, 200, state(plan));
        });
        routes.get("/api/plans/{file}", ctx -> {
            allowQuery(ctx);
            json(ctx, 200, state(plan(ctx)));
        });
        routes.get("/api/plans/{file}/download", ctx -> {
            allowQuery(ctx);
            PlanOnDisk plan = plan(ctx);
            attachment(ctx, plan.name(), "application/json", plan.current().bytes());
        });
        routes.get("/api/plans/{file}/calendars.zip", ctx -> {
            allowQuery(ctx);
            PlanOnDisk plan = plan(ctx);
            attachment(ctx, stem(plan.name()) + "-calendars.zip", "application/zip", plan.read(v -> calendars(plan, v)));
        });
        routes.sse("/api/plans/{file}/events", client -> {
            allowQuery(client.ctx());
            PlanOnDisk plan = folder.plan(client.ctx().pathParam("file"));
            events.add(plan.name(), client, Map.of("version", plan.current().id()));
        });

        routes.get("/api/plans/{file}/sessions/{id}", ctx -> {
            allowQuery(ctx);
            PlanOnDisk plan = plan(ctx);
            json(ctx, 200, plan.read(v -> SessionAdvice.explain(valid(plan, v), ctx.pathParam("id"))));
        });
        routes.get("/api/plans/{file}/sessions/{id}/recommendations", ctx -> {
            allowQuery(ctx, "limit");
            int count = recommendationCount(ctx.queryParam("limit"));
            PlanOnDisk plan = plan(ctx);
            json(ctx, 200, plan.read(v -> SessionAdvice.recommend(valid(plan, v), ctx.pathParam("id"), count)));
        });
        sessionAction(routes, "move", List.of("version", "start"), (ctx, body) ->
                PlanEdits.move(ctx.pathParam("id"), body.time("start")), "moved");
        sessionAction(routes, "pin", List.of("version"), (ctx, body) -> PlanEdits.pin(ctx.pathParam("id")), "pinned");
        sessionAction(routes, "unpin", List.of("version"), (ctx, body) -> PlanEdits.unpin(ctx.pathParam("id")), "unpinned");
        sessionAction(routes, "unschedule", List.of("version"), (ctx, body) ->
                PlanEdits.unschedule(ctx.pathParam("id")), "unscheduled");

        routes.post("/api/plans/{file}/busy", ctx -> {
            RequestBody body = body(ctx, "add busy time", List.of("version", "athlete", "coach", "start", "end", "label"));
            PlanEdits.PersonRef person = PlanEdits.PersonRef.of(body);
            PlanOnDisk plan = plan(ctx);
            plan.change(body.optionalText("version"), "busy time added for " + person,
                    PlanEdits.addBusy(person, body.time("start"), body.time("end"), body.optionalText("label")));
            json(ctx, 200, state(plan));
        });
        routes.post("/api/plans/{file}/busy/remove", ctx -> {
            RequestBody body = body(ctx, "remove busy time", List.of("version", "athlete", "coach", "start", "end"));
            PlanEdits.PersonRef person = PlanEdits.PersonRef.of(body);
            PlanOnDisk plan = plan(ctx);
            plan.change(body.optionalText("version"), "busy time removed for " + person,
                    PlanEdits.removeBusy(person, body.time("start"), body.time("end")));
            json(ctx, 200, state(plan));
        });
        routes.post("/api/plans/{file}/solve", ctx -> {
            RequestBody body = body(ctx, "solve", List.of("version", "moves", "seconds", "seed"));
            PlanOnDisk plan = plan(ctx);
            solves.start(plan, body.optionalText("version"), limit.override(body));
            json(ctx, 202, state(plan));
        });
        routes.post("/api/plans/{file}/stop", ctx -> {
            body(ctx, "stop", List.of());
            PlanOnDisk plan = plan(ctx);
            solves.stop(plan);
            json(ctx, 202, state(plan));
        });
        routes.post("/api/plans/{file}/replan", ctx -> {
            RequestBody body = body(ctx, "re-plan", PlanReplan.FIELDS);
            PlanOnDisk plan = plan(ctx);
            Replanner.ReplanResult result = PlanReplan.run(plan, body, limit, settings.replanSeconds(), events);
            json(ctx, 200, PlanViews.replanned(state(plan), result));
        });
        routes.post("/api/plans/{file}/undo", ctx -> {
            RequestBody body = body(ctx, "undo", List.of("version"));
            PlanOnDisk plan = plan(ctx);
            plan.undo(body.optionalText("version"));
            json(ctx, 200, state(plan));
        });

        routes.exception(RequestRefused.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
        routes.exception(UncheckedIOException.class, (e, ctx) -> refuse(ctx, 500, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            refuse(ctx, 500, "internal error, please report it: " + e);
        });
        routes.error(404, ctx -> {
            if (ctx.attribute(REFUSED) == null) {
                refuse(ctx, 404, ctx.path() + ": no such page or action (docs/serve.md lists them)");
            }
        });
    }

    /** A change of one session: {@code POST /api/plans/{file}/sessions/{id}/ACTION}. */
    private void sessionAction(RoutesConfig routes, String action, List<String> fields,
            BiFunction<Context, RequestBody, Consumer<ObjectNode>> edit, String done) {
        routes.post("/api/plans/{file}/sessions/{id}/" + action, ctx -> {
            RequestBody body = body(ctx, action + " " + ctx.pathParam("id"), fields);
            PlanOnDisk plan = plan(ctx);
            plan.change(body.optionalText("version"), done + " " + ctx.pathParam("id"), edit.apply(ctx, body));
            json(ctx, 200, state(plan));
        });
    }

    // ------------------------------------------------------------------------------------------------ access

    /**
     * With a token: every request shows it (in the address once, then the cookie set then, or as a bearer token for
     * scripts). Without one (127.0.0.1): only requests addressed to this machine's loopback name are answered, so a web
     * page elsewhere cannot reach the workbench through a name of its own. Changes are sent as JSON, which a page of
     * another site cannot send here without the browser asking first.
     */
    private void checkAccess(Context ctx) {
        if (settings.token() != null) {
            String given = ctx.queryParam("token");
            boolean fromAddress = given != null;
            if (given == null) {
                String authorization = ctx.header("Authorization");
                given = authorization != null && authorization.startsWith("Bearer ")
                        ? authorization.substring("Bearer ".length()).strip() : ctx.cookie(TOKEN_COOKIE);
            }
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    settings.token().getBytes(StandardCharsets.UTF_8))) {
                throw new RequestRefused(401, given == null
                        ? "this workbench needs its access token: open the address runplan serve printed (with ?token=...), "
                        + "or send 'Authorization: Bearer TOKEN'"
                        : "wrong access token: open the address runplan serve printed (with ?token=...)");
            }
            if (fromAddress) {
                ctx.cookie(new Cookie(TOKEN_COOKIE, settings.token(), "/", -1, false, true, null,
                        SameSite.STRICT));
            }
        } else {
            String host = ctx.host() == null ? "" : ctx.host().replaceFirst(":\\d+$", "");
            if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(host)) {
                throw new RequestRefused(403, "this workbench answers at " + address() + " only, not at '" + ctx.host() + "'");
            }
        }
        HandlerType method = ctx.method();
        if ((method == HandlerType.POST || method == HandlerType.PUT) && (ctx.contentType() == null
                || !ctx.contentType().toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            throw new RequestRefused(415, "send the request as JSON (Content-Type: application/json)");
        }
    }

    // ------------------------------------------------------------------------------------------------ pages

    private String plansPage() {
        record Page(String folder, List<PlanViews.PlanSummary> plans, boolean empty, List<String> stylesheets,
                List<String> scripts) {
        }
        List<PlanViews.PlanSummary> plans = summaries();
        return render(PLANS_PAGE, new Page(folder.directory().toString(), plans, plans.isEmpty(), STYLESHEETS, SCRIPTS));
    }

    private void planPage(Context ctx) {
        PlanOnDisk plan = plan(ctx);
        ctx.html(plan.read(version -> {
            if (version.isValid()) {
                return new WeekPage(version.plan().plan(), version.report(), version.plan().timeZone())
                        .html(STYLESHEETS, SCRIPTS);
            }
            record Page(String file, String error, String version, List<String> stylesheets, List<String> scripts) {
            }
            return render(INVALID_PAGE, new Page(plan.name(), version.error(), version.id(), STYLESHEETS, SCRIPTS));
        }));
    }

    private static String render(Mustache template, Object page) {
        StringWriter writer = new StringWriter();
        template.execute(writer, page);
        return writer.toString();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private PlanOnDisk plan(Context ctx) {
        return folder.plan(ctx.pathParam("file"));
    }

    private List<PlanViews.PlanSummary> summaries() {
        List<PlanViews.PlanSummary> summaries = new ArrayList<>();
        for (String name : folder.names()) {
            try {
                PlanOnDisk plan = folder.plan(name);
                summaries.add(plan.read(v -> PlanViews.summary(v, name, activity(plan))));
            } catch (RequestRefused gone) {
                // removed while listing
            }
        }
        return summaries;
    }

    private PlanViews.PlanState state(PlanOnDisk plan) {
        return plan.read(v -> PlanViews.state(v, plan.name(), activity(plan), plan.undoable()));
    }

    /** "solving (best 0hard/-2medium/-1234soft)", "re-planning" or null. */
    private String activity(PlanOnDisk plan) {
        String activity = plan.activity();
        String best = solves.best(plan.name());
        return activity == null ? null : best == null ? activity : activity + " (best " + best + ")";
    }

    private static PlanOnDisk.Version valid(PlanOnDisk plan, PlanOnDisk.Version version) {
        if (!version.isValid()) {
            throw RequestRefused.conflict(version.error() + " (fix the file first: upload a corrected plan, or undo)");
        }
        return version;
    }

    private static byte[] calendars(PlanOnDisk plan, PlanOnDisk.Version version) {
        valid(plan, version);
        var export = new CalendarExport(version.plan().plan(), version.report(), version.plan().timeZone(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var calendar : export.calendars().entrySet()) {
                zip.putNextEntry(new ZipEntry(calendar.getKey()));
                zip.write(CalendarExport.text(calendar.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static RequestBody body(Context ctx, String action, List<String> fields) {
        allowQuery(ctx);
        return RequestBody.parse(action, ctx.body(), fields);
    }

    /** A query parameter the action does not read is refused, as an unknown field is. */
    private static void allowQuery(Context ctx, String... known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("token") && !List.of(known).contains(name)) {
                throw RequestRefused.badInput(ctx.path() + ": unknown query parameter '" + name + "'"
                        + (known.length == 0 ? "" : "; it reads " + String.join(", ", known)));
            }
        }
    }

    private static int recommendationCount(String text) {
        if (text == null) {
            return 5;
        }
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= MAX_RECOMMENDATIONS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw RequestRefused.badInput("limit '" + text + "': how many starts to recommend, 1 to " + MAX_RECOMMENDATIONS);
    }

    private static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.attribute(REFUSED, true);
        if (ctx.path().startsWith("/api/")) {
            json(ctx, status, Map.of("error", message));
        } else {
            ctx.status(status).html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>runplan</title>"
                    + "<link rel=\"stylesheet\" href=\"/assets/workbench.css\"></head><body><main class=\"rp-page\">"
                    + "<p class=\"rp-error\">" + escape(message) + "</p><p><a href=\"/\">All plans</a></p></main></body></html>");
        }
    }

    private static void attachment(Context ctx, String name, String type, byte[] bytes) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"")
                .result(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String stem(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private static String weekFile(String name) {
        return stem(name) + "-week.html";
    }

    /** A change of a plan file, pushed to its pages. */
    private void announce(PlanOnDisk.Change change) {
        events.send(change.file(), "changed", Map.of("version", change.version().id(), "cause", change.cause()));
    }

    /** Notices plan files changed by other programs as they change, not only at the next request. */
    private void watchFolder() {
        try {
            watcher = folder.directory().getFileSystem().newWatchService();
            folder.directory().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot watch {} for changes; they are noticed at the next request: {}", folder.directory(), e.toString());
            return;
        }
        Thread thread = daemon("runplan-watch").newThread(() -> {
            try {
                while (true) {
                    Set<String> changed = new TreeSet<>();
                    // A program writing a file may take several writes: read it once they have settled.
                    for (WatchKey key = watcher.take(); key != null; key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                        for (WatchEvent<?> event : key.pollEvents()) {
                            if (event.context() instanceof Path file) {
                                changed.add(file.getFileName().toString());
                            }
                        }
                        key.reset();
                    }
                    changed.forEach(this::noticeChange);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // the workbench is stopping
            }
        });
        thread.start();
    }

    private void noticeChange(String name) {
        PlanOnDisk plan = folder.known(name);
        if (plan == null) {
            return;
        }
        try {
            plan.current();
        } catch (RequestRefused gone) {
            events.send(name, "changed", Map.of("version", "", "cause", gone.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("reading {} after a change: {}", name, e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
