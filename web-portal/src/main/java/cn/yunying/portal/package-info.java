/**
 * The web portal: Faces views and thin REST resources over the application services of ejb-core. It sees DTOs
 * only, never entities or an EntityManager (an ArchUnit test enforces this).
 */
package cn.yunying.portal;
