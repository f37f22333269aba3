import createNextIntlPlugin from "next-intl/plugin";

// Languages without locale routing: the URL contract has no locale segment; the locale comes
// from a cookie or Accept-Language (i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One self-contained server (.next/standalone/server.js with only the files it needs): what
  // `npm start`, the tests and the container image all run.
  output: "standalone",
  // Read from disk at run time, so not found by the tracer: the store's migrations.
  outputFileTracingIncludes: { "/**": ["./lib/server/store/migrations/**"] },
  poweredByHeader: false,
  reactStrictMode: true,
  // MSAL and the sanitizer run on the server only; keep them out of the bundler.
  serverExternalPackages: ["@azure/msal-node", "sanitize-html", "@electric-sql/pglite", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
