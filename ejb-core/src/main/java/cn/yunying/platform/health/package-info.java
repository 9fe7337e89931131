/**
 * MicroProfile Health checks: ready while the database answers and the online storage folder accepts a file (nothing
 * can be acknowledged without both); alive while the JVM keeps some heap free.
 *
 * <p>This package is packaged on its own, as {@code lib/platform-health.jar} of the EAR, and left out of the EJB jar:
 * WildFly looks health checks up through the EAR's root bean archive, which sees {@code lib/} but neither the EJB jar
 * nor the WAR. So these classes may use only the JDK, Jakarta EE and MicroProfile APIs (an ArchUnit test checks it);
 * the EJB jar may use them.
 */
package cn.yunying.platform.health;
