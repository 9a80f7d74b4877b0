package dk.amu.catalogue.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;

class PayloadsTests {

    @SuppressWarnings("unchecked")
    private final PayloadVisitor<String> methodNames = (PayloadVisitor<String>) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { PayloadVisitor.class },
            (proxy, method, args) -> method.getName() + ":" + args[1].getClass().getSimpleName());

    @Test
    void shouldDispatchEveryPayloadTypeOfTheSchemaToAMethodOfItsOwn() throws Exception {
        Schema union = CatalogueEvent.getClassSchema().getField("payload").schema();
        Set<String> calls = new HashSet<>();
        for (Schema branch : union.getTypes()) {
            var payload = (SpecificRecordBase) Class.forName(branch.getFullName()).getDeclaredConstructor().newInstance();
            var event = SampleEvents.copy(SampleEvents.history().get(0));
            event.setPayload(payload);

            String call = Payloads.dispatch(event, methodNames);

            assertThat(call).endsWith(":" + branch.getName());
            assertThat(call.toLowerCase()).startsWith(branch.getName().toLowerCase() + ":");
            calls.add(call);
        }
        assertThat(calls).hasSize(union.getTypes().size()).hasSize(PayloadVisitor.class.getMethods().length);
    }

    @Test
    void shouldRefuseAPayloadOutsideTheUnion() {
        var event = SampleEvents.history().get(0);
        event.setPayload("not a payload");

        assertThatIllegalArgumentException().isThrownBy(() -> Payloads.dispatch(event, methodNames))
                .withMessageContaining("a payload this code does not know: java.lang.String");
    }

    @Test
    void shouldNameTheCourseOfACourseEventAndNoneOfAnFkbEvent() {
        var history = SampleEvents.history();

        assertThat(history).extracting(Payloads::courseNumberOf).containsExactly(null, "47299", "47299", null);
        assertThat(history).extracting(Payloads::typeOf)
                .containsExactly("FkbRevised", "CourseLinked", "CourseLinkEndScheduled", "FkbRevised");
    }
}
