package dk.amu.catalogue.audit.verify;

/**
 * One thing verify found wrong, with where to look: the FKB and sequence (null when the record
 * cannot be decoded), and the record's topic, partition and offset (null when no record is to blame,
 * as for a snapshot that is missing).
 */
public record Finding(String fkbCode, Long sequence, String topic, Integer partition, Long offset, Problem problem,
        String detail) {

    /** One line for people: what, where, why. */
    public String describe() {
        return problem + " FKB " + fkbCode + (sequence == null ? "" : " sequence " + sequence)
                + (partition == null ? "" : " at " + topic + " partition " + partition + " offset " + offset) + ": " + detail;
    }
}
