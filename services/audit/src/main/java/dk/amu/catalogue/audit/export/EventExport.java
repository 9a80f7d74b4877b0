package dk.amu.catalogue.audit.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;

import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the log, or a window of it, as it reads it: one row per event in log order (partition by
 * partition, each in offset order, so every FKB's events are in sequence). Nothing is held back, so
 * an export of any size takes the memory of one fetch, and a failing write stops the replay. One is
 * made for each export, from the replay and decoder of the request and the events topic.
 */
public record EventExport(LogReplay replay, EventDecoder decoder, String topic, JsonMapper json) {

    /** @return the number of events written */
    public long write(ExportFormat format, ExportWindow window, OutputStream target, Progress progress)
            throws IOException {
        var out = new BufferedWriter(new OutputStreamWriter(target, UTF_8), 64 * 1024);
        var csv = new CsvRows(out);
        if (format == ExportFormat.CSV) {
            csv.header();
        }
        long[] written = {0};
        replay.replay(topic, record -> {
            CatalogueEvent event = decoder.event(record);
            if (!window.contains(event)) {
                return;
            }
            var row = ExportRows.of(record, event);
            if (format == ExportFormat.CSV) {
                csv.row(row);
            }
            else {
                out.write(json.writeValueAsString(row));
                out.write('\n');
            }
            written[0]++;
        }, progress);
        csv.finish();
        out.flush();
        return written[0];
    }
}
