package dk.amu.catalogue.registry;

/** {@code /compatibility}: would this schema be accepted, without registering it. */
final class CompatibilityEndpoints {

    private final SchemaStore store;

    CompatibilityEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(RestRouter router) {
        router.route("POST", "/compatibility/subjects/{subject}/versions/{version}",
                        request -> test(request, VersionId.parse(request.path("version"))))
                .route("POST", "/compatibility/subjects/{subject}/versions", request -> test(request, null));
    }

    private Bodies.Compatibility test(RestRequest request, VersionId version) {
        var schema = SchemaRequest.from(request.body()).schema();
        var messages = store.testCompatibility(request.path("subject"), version, schema);
        return new Bodies.Compatibility(messages.isEmpty(), request.flag("verbose") ? messages : null);
    }
}
