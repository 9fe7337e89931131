/*
 * Yunying's configuration of the OHIF viewer (served at /viewer/app-config.js; docs/archive.md, "Viewer").
 * Images come from our own DICOMweb service on the same origin: the browser sends the portal's session cookie, so no
 * credentials are written here. Nothing points outside this server (no telemetry, no CDN, no external data source).
 */
(function () {
  var dicomweb = window.location.origin + '/dicomweb';
  window.config = {
    name: 'yunying',
    routerBasename: '/viewer',
    extensions: [],
    modes: [],
    // no onboarding tour over the first image
    customizationService: [{ 'ohif.tours': { $set: [] } }],
    showStudyList: true,
    maxNumberOfWebWorkers: 2,
    showWarningMessageForCrossOrigin: false,
    showCPUFallbackMessage: true,
    showLoadingIndicator: true,
    strictZSpacingForVolumeViewport: true,
    investigationalUseDialog: { option: 'never' },
    maxNumRequests: { interaction: 100, thumbnail: 5, prefetch: 10 },
    showErrorDetails: 'dev',
    defaultDataSourceName: 'yunying',
    dataSources: [
      {
        namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
        sourceName: 'yunying',
        configuration: {
          friendlyName: 'Yunying 云影',
          name: 'yunying',
          qidoRoot: dicomweb,
          wadoRoot: dicomweb,
          wadoUriRoot: dicomweb,
          qidoSupportsIncludeField: false,
          supportsReject: false,
          supportsStow: false,
          imageRendering: 'wadors',
          thumbnailRendering: 'wadors',
          enableStudyLazyLoad: true,
          supportsFuzzyMatching: true,
          supportsWildcard: true,
          staticWado: false,
          singlepart: false,
          omitQuotationForMultipartRequest: true,
          bulkDataURI: { enabled: false },
        },
      },
    ],
  };
})();
