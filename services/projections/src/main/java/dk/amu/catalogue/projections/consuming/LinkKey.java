package dk.amu.catalogue.projections.consuming;

/** A link is one course in one FKB. */
record LinkKey(String fkbCode, String courseNumber) {
}
