package dk.amu.catalogue.projections.web;

/** A query parameter the API cannot use; answered with 400 and a message saying what it expects. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
