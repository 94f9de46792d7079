/**
 * What a person sees when the tab asks the web host for a page without a valid session: most
 * often the tab was reloaded after the web host restarted (a new launch token, so the old
 * cookie no longer opens it). A page in French and in English that says what happened and the
 * one thing to do — open the address Atelier prints again — instead of a JSON error body.
 * Commands (/rpc) and the event stream keep answering JSON: the renderer reads those.
 *
 * Plain HTML with no style or script: the page is served under the same strict CSP as the app
 * and must not reach any other file (they all need the session). The browser's own text size
 * (16 px) reads at arm's length.
 */
export function sessionLostPage(port: number): string {
  const address = `http://127.0.0.1:${port}/?token=…`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Atelier — rouvrir l’application / open the app again</title>
</head>
<body>
<main>
<h1>Atelier a redémarré</h1>
<p>Par sécurité, cet onglet ne peut plus parler à Atelier. Ce qui a été enregistré est gardé, et les brouillons des formulaires restent sur cet ordinateur.</p>
<p><strong>Pour continuer, une seule étape&#8239;: ouvrez l’adresse qu’Atelier vient d’afficher de nouveau dans la fenêtre où il a été lancé</strong> (elle commence par <code>${address}</code>). Cliquez dessus ou copiez-la dans la barre d’adresse.</p>
<p>Si Atelier a été fermé, relancez-le comme au début (icône Atelier, ou <code>npm start</code>)&#8239;: il ouvre lui-même la bonne adresse.</p>
<section lang="en">
<h2>Atelier was restarted</h2>
<p>For safety, this tab can no longer talk to Atelier. What was saved is kept, and form drafts stay on this computer.</p>
<p><strong>To go on, one step: open the address Atelier has just printed again in the window it was started from</strong> (it begins with <code>${address}</code>). Click it or paste it into the address bar.</p>
<p>If Atelier was closed, start it again as before (the Atelier icon, or <code>npm start</code>): it opens the right address itself.</p>
</section>
</main>
</body>
</html>
`;
}
