package dk.amu.catalogue.standalone;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.context.Lifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Under lazy initialization a bean nobody asks for is never made. Beans that act on their own at
 * start are asked for by nobody: a {@code @KafkaListener} bean (no consumer without it), one that
 * acts once every bean is made (Spring Kafka's {@code KafkaAdmin} creates the dead-letter topics)
 * and one with a lifecycle. Spring Boot keeps {@code @Scheduled} beans eager by itself.
 */
final class EagerBeans implements LazyInitializationExcludeFilter {

    @Override
    public boolean isExcluded(String beanName, BeanDefinition beanDefinition, Class<?> beanType) {
        if (beanType == null) {
            return false;
        }
        return SmartInitializingSingleton.class.isAssignableFrom(beanType) || Lifecycle.class.isAssignableFrom(beanType)
                || AnnotatedElementUtils.hasAnnotation(beanType, KafkaListener.class)
                || !MethodIntrospector.selectMethods(beanType, (MethodIntrospector.MetadataLookup<KafkaListener>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, KafkaListener.class)).isEmpty();
    }
}
