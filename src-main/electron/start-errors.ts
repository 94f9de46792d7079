/**
 * What the person sees when the core cannot start (before any window exists, so in a native
 * error box). French first, English after: the app's users are City of Paris staff.
 */
export interface StartErrorText {
  title: string;
  content: string;
}

export function startErrorText(error: unknown): StartErrorText {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'schema_too_new') {
    return {
      title: 'Atelier — données d’une version plus récente / data from a newer version',
      content:
        'Ces données ont été créées par une version plus récente d’Atelier. Elles n’ont pas été modifiées. ' +
        'Installez la dernière version d’Atelier pour les ouvrir.\n\n' +
        'These data were created by a newer version of Atelier. They were not modified. ' +
        'Install the latest version of Atelier to open them.\n\n' +
        detail,
    };
  }
  return {
    title: 'Atelier n’a pas pu démarrer / Atelier could not start',
    content:
      `Atelier n’a pas pu ouvrir ses données (code : ${code}). ` +
      'Le journal se trouve dans le dossier « logs » du dossier de données.\n\n' +
      `Atelier could not open its data (code: ${code}). See the "logs" folder in the data directory.\n\n` +
      detail,
  };
}
