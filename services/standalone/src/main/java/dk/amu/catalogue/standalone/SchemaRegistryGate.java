package dk.amu.catalogue.standalone;

import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import org.springframework.context.SmartLifecycle;

/**
 * Holds a service's start, once every bean is made, until the schema registry has started: the first
 * of its lifecycles, so no consumer reads a record it cannot decode and no port answers before the
 * registry does. Until then the registry starts beside the service's last beans instead of before them.
 */
final class SchemaRegistryGate implements SmartLifecycle {

    private final Starting<EmbeddedSchemaRegistry> registry;

    private volatile boolean running;

    SchemaRegistryGate(Starting<EmbeddedSchemaRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        registry.await();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers and the web server. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
