package dk.amu.catalogue.audit.queries;

import java.io.IOException;
import java.io.OutputStream;

import dk.amu.catalogue.audit.export.EventExport;
import dk.amu.catalogue.audit.export.ExportFormat;
import dk.amu.catalogue.audit.export.ExportWindow;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.replay.ReplayGate;

/** An export that holds its replay's place until it is written, or closed unwritten. */
public final class PendingExport implements AutoCloseable {

    private final ReplayGate.Permit permit;

    private final EventExport export;

    private final ExportFormat format;

    private final ExportWindow window;

    PendingExport(ReplayGate.Permit permit, EventExport export, ExportFormat format, ExportWindow window) {
        this.permit = permit;
        this.export = export;
        this.format = format;
        this.window = window;
    }

    /** @return the number of events written; the place is given back however the writing ends */
    public long writeTo(OutputStream out, Progress progress) throws IOException {
        try {
            return export.write(format, window, out, progress);
        }
        finally {
            permit.close();
        }
    }

    @Override
    public void close() {
        permit.close();
    }
}
