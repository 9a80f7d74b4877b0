package dk.amu.catalogue.registry;

/** One version of one subject: the value of a SCHEMA record in the registry's topic. */
record SchemaRecord(String subject, int version, int id, String schema, boolean deleted) {
}
