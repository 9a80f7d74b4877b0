package dk.amu.catalogue.audit.replay;

/** Told how far a replay has come, for a progress bar. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (read, total) -> {
    };

    /**
     * @param read  records (and transaction markers) passed so far
     * @param total the offsets between the beginning and the end the replay saw when it started
     */
    void advanced(long read, long total);
}
