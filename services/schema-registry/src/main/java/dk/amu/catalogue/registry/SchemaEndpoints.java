package dk.amu.catalogue.registry;

import java.util.List;

/** {@code /schemas}: schemas by their global id, which is what a deserializer asks for. */
final class SchemaEndpoints {

    private final SchemaStore store;

    SchemaEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(RestRouter router) {
        router.route("GET", "/schemas/types", request -> List.of(AvroSchemas.AVRO))
                .route("GET", "/schemas/ids/{id}", request -> new Bodies.SchemaString(store.schemaById(request.intPath("id"))))
                .route("GET", "/schemas/ids/{id}/schema", request -> new Bodies.RawJson(store.schemaById(request.intPath("id"))))
                .route("GET", "/schemas/ids/{id}/versions", request -> store.versionsWithId(request.intPath("id")).stream()
                        .map(record -> new Bodies.SubjectVersion(record.subject(), record.version()))
                        .toList())
                .route("GET", "/schemas/ids/{id}/subjects", request -> store.versionsWithId(request.intPath("id")).stream()
                        .map(SchemaRecord::subject)
                        .distinct()
                        .toList());
    }
}
