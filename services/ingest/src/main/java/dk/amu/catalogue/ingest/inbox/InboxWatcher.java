package dk.amu.catalogue.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.ingest.ingestion.PublishFailedException;
import dk.amu.catalogue.ingest.system.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The watched folder: {@code <fkbCode>__<anything>.pdf|.txt} dropped into the inbox is ingested and
 * moved to {@code processed/}, or to {@code failed/} beside a {@code .error.txt} saying why. A file
 * is taken only once its size and time stamp held still between two scans, so a copy in progress
 * is never read half-written. When Kafka is down the file stays and is tried again.
 */
@Component
@ConditionalOnProperty("catalogue.ingest.inbox.directory")
public class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private static final Pattern NAME = Pattern.compile("(?<fkb>[A-Za-z0-9][A-Za-z0-9._-]{0,63}?)__.+\\.(?i:pdf|txt)");

    private final IngestionService ingestion;

    private final Inbox inbox;

    private final Map<Path, String> seenBefore = new HashMap<>();

    InboxWatcher(IngestionService ingestion, IngestProperties properties) {
        this.ingestion = ingestion;
        this.inbox = new Inbox(properties.inbox().directory());
        // there from the start, so an operator can drop files the moment the service is up
        inbox.create();
    }

    public synchronized void scan() {
        inbox.create();
        var seenNow = new HashMap<Path, String>();
        for (var file : inbox.waitingFiles()) {
            var state = inbox.state(file);
            seenNow.put(file, state);
            if (state.equals(seenBefore.get(file))) {
                process(file);
                seenNow.remove(file);
            }
        }
        seenBefore.clear();
        seenBefore.putAll(seenNow);
    }

    private void process(Path file) {
        var name = file.getFileName().toString();
        var match = NAME.matcher(name);
        if (!match.matches()) {
            inbox.fail(file, "the file name must be <fkbCode>__<anything>.pdf or .txt, e.g. "
                    + "viden-og-forretningsservice__2025-06.pdf; rename it and drop it into the inbox again");
            return;
        }
        try {
            var report = ingestion.ingest(new DocumentSubmission(match.group("fkb"), inbox.read(file), name, null, false));
            inbox.done(file, report.toText());
        }
        catch (PublishFailedException ex) {
            log.warn("Inbox file {} stays for the next scan: {}", name, ex.getMessage());
        }
        catch (RuntimeException ex) {
            inbox.fail(file, ex.getMessage() != null ? ex.getMessage() : "ingestion failed: " + ex.getClass().getSimpleName());
        }
    }

    /** The folder and its two outcome folders. */
    record Inbox(Path directory) {

        void create() {
            try {
                Files.createDirectories(directory.resolve("processed"));
                Files.createDirectories(directory.resolve("failed"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot create the inbox " + directory, ex);
            }
        }

        List<Path> waitingFiles() {
            try (Stream<Path> files = Files.list(directory)) {
                return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                        .sorted().toList();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot list the inbox " + directory, ex);
            }
        }

        String state(Path file) {
            try {
                return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
            }
            catch (IOException ex) {
                return "unreadable";
            }
        }

        byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
        }

        void done(Path file, String report) {
            move(file, "processed");
            log.info("Inbox: {}", report.lines().findFirst().orElse(""));
        }

        void fail(Path file, String reason) {
            var target = move(file, "failed");
            try {
                Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), reason + System.lineSeparator());
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot write the error file for " + target, ex);
            }
            log.warn("Inbox file {} failed: {}", file.getFileName(), reason);
        }

        private Path move(Path file, String folder) {
            var name = file.getFileName().toString();
            var target = directory.resolve(folder).resolve(name);
            for (int n = 1; Files.exists(target); n++) {
                target = directory.resolve(folder).resolve(n + "-" + name);
            }
            try {
                return Files.move(file, target);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot move " + file + " to " + target, ex);
            }
        }
    }
}
