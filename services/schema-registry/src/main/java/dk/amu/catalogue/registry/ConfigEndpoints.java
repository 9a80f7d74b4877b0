package dk.amu.catalogue.registry;

/** {@code /config}: the global and per-subject compatibility levels. */
final class ConfigEndpoints {

    private final SchemaStore store;

    ConfigEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(RestRouter router) {
        router.route("GET", "/config", request -> level(store.globalLevel()))
                .route("PUT", "/config", request -> update(null, request))
                .route("DELETE", "/config", request -> level(store.removeLevel(null).orElseThrow()))
                .route("GET", "/config/{subject}", this::subjectLevel)
                .route("PUT", "/config/{subject}", request -> update(request.path("subject"), request))
                .route("DELETE", "/config/{subject}", request -> level(store.removeLevel(request.path("subject"))
                        .orElseThrow(() -> RegistryError.subjectCompatibilityNotConfigured(request.path("subject")))));
    }

    private Bodies.ConfigLevel subjectLevel(RestRequest request) {
        var subject = request.path("subject");
        if (request.flag("defaultToGlobal")) {
            return level(store.effectiveLevel(subject));
        }
        return level(store.subjectLevel(subject).orElseThrow(() -> RegistryError.subjectCompatibilityNotConfigured(subject)));
    }

    private Bodies.ConfigUpdate update(String subject, RestRequest request) {
        var level = CompatibilityLevel.parse(RestRequest.text(request.body(), "compatibility"))
                .orElseThrow(RegistryError::invalidCompatibilityLevel);
        store.setLevel(subject, level);
        return new Bodies.ConfigUpdate(level.name());
    }

    private static Bodies.ConfigLevel level(CompatibilityLevel level) {
        return new Bodies.ConfigLevel(level.name());
    }
}
