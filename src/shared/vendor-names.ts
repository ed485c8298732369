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
};

/** @example vendorName('cloudflare') // 'Cloudflare'; an unknown id is shown as given. */
export function vendorName(vendor: string): string {
  return NAMES[vendor] ?? vendor;
}
