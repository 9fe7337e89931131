/**
 * Serving the OHIF image viewer at /viewer/: its single-page routes. The viewer reads images through /dicomweb with the
 * portal's session (docs/archive.md, "Viewer").
 */
package cn.yunying.portal.viewer;
