package dk.amu.catalogue.projections.web;

/** An FKB or course the read models do not know; answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String kind;

    public NotFoundException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** What was not found, for the problem type: {@code fkb}, {@code course}. */
    public String kind() {
        return kind;
    }
}
