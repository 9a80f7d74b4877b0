package dk.amu.catalogue.projections.rebuild;

/** Another instance on the same database is rebuilding; answered with 409. */
public class RebuildElsewhereException extends RuntimeException {

    RebuildElsewhereException() {
        super("another projections instance on this database is rebuilding the read models; wait until it is done "
                + "(its GET /api/admin/rebuild shows the progress) and start again if you still need to");
    }
}
