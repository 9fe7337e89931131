package cn.yunying.portal.viewer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewerRoutingFilterTest {

    @Test
    void routesAreGetsOfPathsWithoutAFileExtension() {
        assertTrue(ViewerRoutingFilter.isRoutePath("GET", "/viewer/viewer"));
        assertTrue(ViewerRoutingFilter.isRoutePath("HEAD", "/viewer/"));
        assertTrue(ViewerRoutingFilter.isRoutePath("GET", "/viewer/segmentation"));
    }

    @Test
    void filesAndOtherMethodsAreNotRoutes() {
        assertFalse(ViewerRoutingFilter.isRoutePath("GET", "/viewer/missing.bundle.js"));
        assertFalse(ViewerRoutingFilter.isRoutePath("GET", "/viewer/assets/x.wasm"));
        assertFalse(ViewerRoutingFilter.isRoutePath("POST", "/viewer/viewer"));
    }
}
