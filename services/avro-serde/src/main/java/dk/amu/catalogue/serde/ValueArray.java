package dk.amu.catalogue.serde;

import java.util.List;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * The array Avro reads lists into, with the equality of a {@link List}. Avro's own array compares
 * its elements through {@code GenericData.get()}, which knows no logical types, so equals() and
 * hashCode() of a snapshot read from Kafka threw on its links' optional end dates.
 */
final class ValueArray<T> extends GenericData.Array<T> {

    ValueArray(int capacity, Schema schema) {
        super(capacity, schema);
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof List<?> list) || list.size() != size()) {
            return false;
        }
        for (var i = 0; i < size(); i++) {
            if (!Objects.equals(get(i), list.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        var hash = 1;
        for (var i = 0; i < size(); i++) {
            hash = 31 * hash + Objects.hashCode(get(i));
        }
        return hash;
    }
}
