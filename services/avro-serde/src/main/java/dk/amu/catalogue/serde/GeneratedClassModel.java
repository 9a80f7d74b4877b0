package dk.amu.catalogue.serde;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model for reading into one generated class. Avro 1.12.2 refuses to load a class
 * that a schema names unless it is on a JVM-wide allow list ({@code org.apache.avro.SERIALIZABLE_PACKAGES}),
 * so a plain SpecificDatumReader fails on our own generated classes. Rather than widen that list
 * for the whole JVM, this model knows up front the generated classes the application's reader
 * class refers to, and resolves nothing else: a name only the writer uses reads as a generic record.
 */
final class GeneratedClassModel extends SpecificData {

    private static final ClassValue<GeneratedClassModel> MODELS = new ClassValue<>() {
        @Override
        protected GeneratedClassModel computeValue(Class<?> type) {
            return new GeneratedClassModel(type);
        }
    };

    /** Avro's own switch for its fast reader, which it otherwise enables only for SpecificData itself. */
    private static final boolean FAST_READER = !"false".equalsIgnoreCase(System.getProperty("org.apache.avro.fastread"));

    private final Schema readerSchema;

    private final Map<String, Class<?>> classes = new HashMap<>();

    private GeneratedClassModel(Class<?> readerClass) {
        super(readerClass.getClassLoader());
        var generated = SpecificData.getForClass(readerClass);
        // union branches with logical types (an optional date) are converted by the model, not the field
        generated.getConversions().forEach(this::addLogicalTypeConversion);
        this.readerSchema = generated.getSchema(readerClass);
        collect(readerSchema, new HashSet<>());
    }

    static GeneratedClassModel forClass(Class<?> readerClass) {
        return MODELS.get(readerClass);
    }

    /**
     * The generated class a writer schema names, without initializing it, or null when there is none:
     * a name from the registry may load only an Avro-generated record class, never an arbitrary one.
     */
    static Class<?> generatedClassNamed(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD) {
            return null;
        }
        var loader = Thread.currentThread().getContextClassLoader();
        var type = load(SpecificData.getClassName(writer), loader != null ? loader : GeneratedClassModel.class.getClassLoader());
        return type != null && SpecificRecord.class.isAssignableFrom(type) ? type : null;
    }

    Schema readerSchema() {
        return readerSchema;
    }

    /**
     * Avro turns its fast reader off for subclasses of SpecificData, since a subclass might change how
     * data is read; this one changes only which classes it finds, so it keeps the speed plain Avro has.
     */
    @Override
    public boolean isFastReaderEnabled() {
        return FAST_READER;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> classes.get(schema.getFullName());
            default -> super.getClass(schema);
        };
    }

    /**
     * New records start with an empty {@link ValueArray} in each list field: Avro's fast reader fills
     * a list it finds there instead of creating its own, whose equals() fails on logical types.
     */
    @Override
    public InstanceSupplier getNewRecordSupplier(Schema schema) {
        var plain = super.getNewRecordSupplier(schema);
        var lists = schema.getFields().stream().filter(field -> needsValueArray(field.schema())).toList();
        if (lists.isEmpty()) {
            return plain;
        }
        return (old, recordSchema) -> {
            var created = plain.newInstance(old, recordSchema);
            if (created != old && created instanceof IndexedRecord record) {
                lists.forEach(field -> record.put(field.pos(), new ValueArray<>(0, field.schema())));
            }
            return created;
        };
    }

    /** The same for Avro's slower reader, used when the fast one is switched off. */
    @Override
    public Object newArray(Object old, int size, Schema schema) {
        return old == null && needsValueArray(schema) ? new ValueArray<>(size, schema) : super.newArray(old, size, schema);
    }

    /** Primitive lists are left alone: Avro keeps them unboxed in arrays of its own. */
    private boolean needsValueArray(Schema schema) {
        if (schema.getType() != Schema.Type.ARRAY) {
            return false;
        }
        var element = schema.getElementType();
        return switch (element.getType()) {
            case INT, LONG, FLOAT, DOUBLE, BOOLEAN -> getConversionFor(element.getLogicalType()) != null;
            default -> true;
        };
    }

    private void collect(Schema schema, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (remember(schema, seen)) {
                    schema.getFields().forEach(field -> collect(field.schema(), seen));
                }
            }
            case ENUM, FIXED -> remember(schema, seen);
            case ARRAY -> collect(schema.getElementType(), seen);
            case MAP -> collect(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, seen));
            default -> {
            }
        }
    }

    private boolean remember(Schema named, Set<String> seen) {
        if (!seen.add(named.getFullName())) {
            return false;
        }
        var type = load(SpecificData.getClassName(named), getClassLoader());
        if (type != null) {
            classes.put(named.getFullName(), type);
        }
        return true;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            var type = Class.forName(name, false, loader);
            return type.isAnnotationPresent(AvroGenerated.class) ? type : null;
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return null;
        }
    }
}
