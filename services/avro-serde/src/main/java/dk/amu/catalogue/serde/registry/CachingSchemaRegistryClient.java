package dk.amu.catalogue.serde.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} over the registry's REST API that asks the registry once per
 * (subject, schema) and once per id, then answers from memory. Safe for concurrent use.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final ObjectMapper mapper = new ObjectMapper();

    private final RegistryHttp http;

    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(String baseUrl, RegistryClientOptions options) {
        this.http = new RegistryHttp(baseUrl, options, mapper);
    }

    @Override
    public String baseUrl() {
        return http.baseUrl();
    }

    @Override
    public int register(String subject, Schema schema) {
        var key = new SubjectSchema(subject, schema);
        var cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        var answer = http.post("/subjects/" + pathSegment(subject) + "/versions", schemaBody(schema));
        if (!answer.isOk()) {
            throw answer.failure("cannot register schema " + schema.getFullName() + " under subject '" + subject + "'",
                    baseUrl());
        }
        return remember(key, id(answer, subject));
    }

    @Override
    public int lookup(String subject, Schema schema) {
        var key = new SubjectSchema(subject, schema);
        var cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        var answer = http.post("/subjects/" + pathSegment(subject), schemaBody(schema));
        var action = "cannot look up schema " + schema.getFullName() + " under subject '" + subject + "'";
        if (answer.isNotFound(40401, 40403)) {
            throw new SubjectSchemaNotRegisteredException(subject, answer.describe(action, baseUrl()),
                    answer.status(), answer.errorCode());
        }
        if (!answer.isOk()) {
            throw answer.failure(action, baseUrl());
        }
        return remember(key, id(answer, subject));
    }

    @Override
    public Schema schemaById(int id) {
        var cached = schemas.get(id);
        if (cached != null) {
            return cached;
        }
        var answer = http.get("/schemas/ids/" + id);
        var action = "cannot fetch schema id " + id;
        if (answer.isNotFound(40403)) {
            throw new SchemaIdNotFoundException(id, answer.describe(action, baseUrl()), answer.status(),
                    answer.errorCode());
        }
        if (!answer.isOk()) {
            throw answer.failure(action, baseUrl());
        }
        var type = answer.body().path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(action + ": it is a " + type + " schema, not Avro", answer.status(), 0);
        }
        var schema = parse(id, answer.body().path("schema").asText());
        var raced = schemas.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    private int remember(SubjectSchema key, int id) {
        ids.put(key, id);
        // the same process often reads what it wrote: let the deserializer skip the GET
        schemas.putIfAbsent(id, key.schema());
        return id;
    }

    private int id(RegistryAnswer answer, String subject) {
        var id = answer.body().path("id");
        if (!id.canConvertToInt()) {
            throw new SchemaRegistryException("schema registry at " + baseUrl() + " answered for subject '" + subject
                    + "' without a schema id: " + answer.body(), answer.status(), 0);
        }
        return id.asInt();
    }

    private String schemaBody(Schema schema) {
        return mapper.createObjectNode().put("schema", schema.toString()).toString();
    }

    private Schema parse(int id, String text) {
        try {
            return new Schema.Parser().parse(text);
        }
        catch (SchemaParseException ex) {
            throw new SchemaRegistryException("schema id " + id + " from the schema registry at " + baseUrl()
                    + " is not a valid Avro schema: " + ex.getMessage(), ex);
        }
    }

    /** Subjects are free text; "+" is a form encoding, a path wants %20. */
    static String pathSegment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
