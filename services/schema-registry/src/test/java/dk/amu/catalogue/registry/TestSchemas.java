package dk.amu.catalogue.registry;

/** Small Avro schemas that differ in the ways the compatibility rules care about. */
final class TestSchemas {

    static final String COURSE_V1 = """
            {"type": "record", "name": "Course", "namespace": "dk.amu.test",
             "fields": [{"name": "number", "type": "string"}]}""";

    /** {@link #COURSE_V1} laid out differently: the same schema. */
    static final String COURSE_V1_REFORMATTED = """
            {
              "namespace": "dk.amu.test",
              "name": "Course",
              "type": "record",
              "fields": [ { "type": "string", "name": "number" } ]
            }""";

    /** {@link #COURSE_V1} with documentation: a different schema to Confluent, though a compatible one. */
    static final String COURSE_V1_DOCUMENTED = """
            {"type": "record", "name": "Course", "namespace": "dk.amu.test", "doc": "An AMU course",
             "fields": [{"name": "number", "type": "string", "doc": "five digits"}]}""";

    /** Adds a field with a default: backward and forward compatible. */
    static final String COURSE_WITH_TITLE = """
            {"type": "record", "name": "Course", "namespace": "dk.amu.test",
             "fields": [{"name": "number", "type": "string"}, {"name": "title", "type": "string", "default": ""}]}""";

    /** Adds a field without a default: a new reader cannot read old data. */
    static final String COURSE_WITH_REQUIRED_EUU = """
            {"type": "record", "name": "Course", "namespace": "dk.amu.test",
             "fields": [{"name": "number", "type": "string"}, {"name": "euu", "type": "string"}]}""";

    /** Drops the only field: a new reader ignores it, an old reader misses it. */
    static final String COURSE_WITHOUT_FIELDS = """
            {"type": "record", "name": "Course", "namespace": "dk.amu.test", "fields": []}""";

    /** Brings {@code number} back as an int with a default: reads {@link #COURSE_WITHOUT_FIELDS} data, not v1 data. */
    static final String COURSE_WITH_INT_NUMBER = """
            {"type": "record", "name": "Course", "namespace": "dk.amu.test",
             "fields": [{"name": "number", "type": "int", "default": 0}]}""";

    static final String NOT_A_SCHEMA = """
            {"type": "record", "name": "Broken", "fields": [{"name": "x", "type": "no.such.Type"}]}""";

    private TestSchemas() {
    }
}
