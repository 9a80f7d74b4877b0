package dk.amu.catalogue.projections.consuming;

/** A link is one course in one FKB. */
record LinkKey(String fkbCode, String courseNumber) {

    /**
     * The record's own hash is {@code 31 * fkb + course}, and FKB codes and course numbers that
     * differ in a digit or two make many keys of a large catalogue collide; a rebuild's map of every
     * link then degrades into tree bins. A large odd multiplier spreads them.
     */
    @Override
    public int hashCode() {
        return fkbCode.hashCode() * 0x9E3779B1 + courseNumber.hashCode();
    }
}
