package dk.amu.catalogue.eventlog;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;

/** The one dispatch over the payload union, and what every consumer asks of a payload. */
public final class Payloads {

    private static final PayloadVisitor<String> COURSE_NUMBER = new CourseNumbers();

    private Payloads() {
    }

    /**
     * Calls the visitor's method for the event's payload type.
     *
     * @throws IllegalArgumentException for a payload outside the union, which only a schema newer
     *                                  than this code can produce
     */
    public static <R> R dispatch(CatalogueEvent event, PayloadVisitor<R> visitor) {
        Object payload = event.getPayload();
        // Java 17 has no pattern switch; the visitor interface is what the compiler checks.
        if (payload instanceof FkbRevised p) {
            return visitor.fkbRevised(event, p);
        }
        if (payload instanceof CourseLinked p) {
            return visitor.courseLinked(event, p);
        }
        if (payload instanceof CourseLinkEndScheduled p) {
            return visitor.courseLinkEndScheduled(event, p);
        }
        if (payload instanceof CourseLinkEndWithdrawn p) {
            return visitor.courseLinkEndWithdrawn(event, p);
        }
        if (payload instanceof CourseLinkStartChanged p) {
            return visitor.courseLinkStartChanged(event, p);
        }
        if (payload instanceof CourseDetailsChanged p) {
            return visitor.courseDetailsChanged(event, p);
        }
        if (payload instanceof CourseUnlinked p) {
            return visitor.courseUnlinked(event, p);
        }
        if (payload instanceof CourseLinkExpired p) {
            return visitor.courseLinkExpired(event, p);
        }
        throw new IllegalArgumentException("event " + event.getEventId() + " of FKB " + event.getFkbCode()
                + " has a payload this code does not know: "
                + (payload == null ? "none" : payload.getClass().getName()));
    }

    /** The payload's type name as events and APIs show it, e.g. {@code CourseLinkExpired}. */
    public static String typeOf(CatalogueEvent event) {
        return event.getPayload().getClass().getSimpleName();
    }

    /** The course an event is about; null for an FKB-level event. */
    public static String courseNumberOf(CatalogueEvent event) {
        return dispatch(event, COURSE_NUMBER);
    }

    private static final class CourseNumbers implements PayloadVisitor<String> {

        @Override
        public String fkbRevised(CatalogueEvent event, FkbRevised payload) {
            return null;
        }

        @Override
        public String courseLinked(CatalogueEvent event, CourseLinked payload) {
            return payload.getLink().getCourseNumber();
        }

        @Override
        public String courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload) {
            return payload.getCourseNumber();
        }

        @Override
        public String courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload) {
            return payload.getCourseNumber();
        }

        @Override
        public String courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload) {
            return payload.getCourseNumber();
        }

        @Override
        public String courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload) {
            return payload.getCourseNumber();
        }

        @Override
        public String courseUnlinked(CatalogueEvent event, CourseUnlinked payload) {
            return payload.getLink().getCourseNumber();
        }

        @Override
        public String courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload) {
            return payload.getCourseNumber();
        }
    }
}
