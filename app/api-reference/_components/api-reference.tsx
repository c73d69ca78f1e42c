'use client';

import dynamic from 'next/dynamic';

// Redoc renders in the browser only (styled-components, window scrolling); it ships in the app's
// own bundle, so the reference works offline and loads nothing from a CDN.
const RedocStandalone = dynamic(() => import('redoc').then((m) => m.RedocStandalone), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-neutral-600">Loading the API reference…</p>,
});

/** The /api/v1 reference, rendered from the OpenAPI document the registry generates. */
export function ApiReference() {
  return (
    <RedocStandalone
      specUrl="/api/openapi.json"
      options={{
        expandResponses: '200,201,204',
        hideDownloadButton: false,
        jsonSampleExpandLevel: 2,
        pathInMiddlePanel: true,
        requiredPropsFirst: true,
        sortPropsAlphabetically: false,
        theme: { typography: { fontFamily: 'inherit', headings: { fontFamily: 'inherit' } } },
      }}
    />
  );
}
