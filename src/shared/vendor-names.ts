/** Brand names as their owners write them; brands are not translated. */
const NAMES: Record<string, string> = {
  cloudflare: 'Cloudflare',
  cloudfront: 'Amazon CloudFront',
  akamai: 'Akamai',
  fastly: 'Fastly',
  azure: 'Azure Front Door',
  google: 'Google Cloud',
  vercel: 'Vercel',
  netlify: 'Netlify',
  sucuri: 'Sucuri',
  imperva: 'Imperva',
  'ddos-guard': 'DDoS-Guard',
  bunny: 'bunny.net',
  // The site's own server software and hosts (Detection.platform), named the same way.
  nginx: 'nginx',
  openresty: 'OpenResty',
  tengine: 'Tengine',
  apache: 'Apache',
  tomcat: 'Apache Tomcat',
  iis: 'Microsoft IIS',
  aspnet: 'ASP.NET',
  envoy: 'Envoy',
  haproxy: 'HAProxy',
  varnish: 'Varnish',
  'aws-elb': 'AWS Elastic Load Balancing',
  'aws-api-gateway': 'Amazon API Gateway',
  heroku: 'Heroku',
  'github-pages': 'GitHub Pages',
  render: 'Render',
  fly: 'Fly.io',
  'google-app-engine': 'Google App Engine',
  'azure-app-service': 'Azure App Service',
};

/** @example vendorName('cloudflare') // 'Cloudflare'; vendorName('fly') // 'Fly.io'; an unknown id is shown as given. */
export function vendorName(vendor: string): string {
  return NAMES[vendor] ?? vendor;
}
