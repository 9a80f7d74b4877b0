package dk.amu.catalogue.registry;

/** {@code /subjects}: register, look up and read the versions of a subject. */
final class SubjectEndpoints {

    private final SchemaStore store;

    SubjectEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(RestRouter router) {
        router.route("GET", "/subjects", request -> store.subjects())
                .route("POST", "/subjects/{subject}", this::lookup)
                .route("GET", "/subjects/{subject}/versions", request -> store.versions(request.path("subject")))
                .route("POST", "/subjects/{subject}/versions", this::register)
                .route("GET", "/subjects/{subject}/versions/{version}", request -> Bodies.SubjectSchema.of(version(request)))
                .route("GET", "/subjects/{subject}/versions/{version}/schema", request -> new Bodies.RawJson(version(request).schema()));
    }

    private Bodies.Id register(RestRequest request) {
        var schema = SchemaRequest.from(request.body()).schema();
        return new Bodies.Id(store.register(request.path("subject"), schema));
    }

    private Bodies.SubjectSchema lookup(RestRequest request) {
        var schema = SchemaRequest.from(request.body()).schema();
        return Bodies.SubjectSchema.of(store.lookup(request.path("subject"), schema));
    }

    private SchemaRecord version(RestRequest request) {
        return store.version(request.path("subject"), VersionId.parse(request.path("version")));
    }
}
