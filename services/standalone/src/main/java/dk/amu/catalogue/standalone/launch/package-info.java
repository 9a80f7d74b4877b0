/**
 * How {@code java -jar standalone.jar} starts the runtime: in a JVM of its own, with the options a jar
 * cannot give ({@link dk.amu.catalogue.standalone.launch.OptimizedLaunch}).
 */
package dk.amu.catalogue.standalone.launch;
