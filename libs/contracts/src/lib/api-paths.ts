/** Route paths shared by the api and the web app. The api is mounted under `/api`. */
export const API_PREFIX = 'api';

export const ApiPaths = {
  health: 'health',
  docs: 'docs',
  regions: 'regions',
} as const;
