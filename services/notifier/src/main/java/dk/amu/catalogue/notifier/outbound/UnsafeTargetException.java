package dk.amu.catalogue.notifier.outbound;

import dk.amu.catalogue.notifier.system.InvalidRequestException;

/** A webhook URL this service will not call: not http(s), or an address inside a private network. */
public class UnsafeTargetException extends InvalidRequestException {

    public UnsafeTargetException(String message) {
        super(message);
    }
}
