package dk.amu.catalogue.ingest.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.ingest.support.ExpectedFixture;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** Test inputs built from the FKB fixtures and by hand. */
final class Fixtures {

    static final String FKB = "VFS";
    static final String VIDEN = "viden-og-forretningsservice";
    static final String VIDEN_TITLE = "Viden- og forretningsservice";
    static final Instant RECORDED_AT = Instant.parse("2025-05-01T08:15:30.123Z");

    private Fixtures() {
    }

    static List<CourseLink> links(String fixture) {
        return new ArrayList<>(ExpectedFixture.links(fixture));
    }

    static List<String> competences(String fixture) {
        return ExpectedFixture.competences(fixture);
    }

    static FkbDocument document(String fixture) {
        return new FkbDocument(VIDEN_TITLE, competences(fixture), links(fixture));
    }

    static FkbDocument document(List<String> competences, List<CourseLink> links) {
        return new FkbDocument(VIDEN_TITLE, competences, links);
    }

    static CourseLink link(String courseNumber, String title, String from, String to) {
        return new CourseLink(courseNumber, title, "AD", new BigDecimal("2.0"), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    static CourseLink find(List<CourseLink> links, String courseNumber) {
        return links.stream().filter(l -> l.getCourseNumber().equals(courseNumber)).findFirst().orElseThrow();
    }

    static List<CourseLink> without(List<CourseLink> links, String... courseNumbers) {
        List<String> removed = List.of(courseNumbers);
        return links.stream().filter(l -> !removed.contains(l.getCourseNumber())).toList();
    }

    static List<CourseLink> changed(List<CourseLink> links, String courseNumber, UnaryOperator<CourseLink.Builder> change) {
        return links.stream()
                .map(l -> l.getCourseNumber().equals(courseNumber) ? change.apply(CourseLink.newBuilder(l)).build() : l)
                .toList();
    }

    static DocumentOrigin origin(String sha256) {
        return new DocumentOrigin(sha256, VIDEN + ".pdf", "ingestion-" + sha256.substring(0, 4));
    }

    static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    /** Each event as "PayloadType courseNumber", or just "FkbRevised". */
    static List<String> describe(List<CatalogueEvent> events) {
        return events.stream().map(Fixtures::describe).toList();
    }

    static String describe(CatalogueEvent event) {
        String type = event.getPayload().getClass().getSimpleName();
        String course = courseNumberOf(event.getPayload());
        return course == null ? type : type + " " + course;
    }

    @SuppressWarnings("unchecked")
    static <T> T payload(CatalogueEvent event, Class<T> type) {
        assertThat(event.getPayload()).isInstanceOf(type);
        return (T) event.getPayload();
    }

    private static String courseNumberOf(Object payload) {
        if (payload instanceof CourseLinked p) {
            return p.getLink().getCourseNumber();
        } else if (payload instanceof CourseUnlinked p) {
            return p.getLink().getCourseNumber();
        } else if (payload instanceof CourseLinkEndScheduled p) {
            return p.getCourseNumber();
        } else if (payload instanceof CourseLinkEndWithdrawn p) {
            return p.getCourseNumber();
        } else if (payload instanceof CourseLinkStartChanged p) {
            return p.getCourseNumber();
        } else if (payload instanceof CourseDetailsChanged p) {
            return p.getCourseNumber();
        } else if (payload instanceof CourseLinkExpired p) {
            return p.getCourseNumber();
        }
        return null;
    }
}
