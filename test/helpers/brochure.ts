/**
 * Builds small brochures of the family as converter text, for unit tests: invented people and
 * places, a few projects, rosters. Each option plants one anomaly, so a test can check that the
 * anomaly (and only it) is reported.
 */

export interface PersonSpec {
  prenom: string;
  nom: string;
  email?: string | null;
}

export interface ProjectSpec {
  numero: number;
  titre: string;
  collectivite: string;
  auteurs: PersonSpec[];
  tuteurLabel?: string;
  tuteurs: { prenom: string; nom: string; fonction: string }[];
  contexte?: string;
  problematique?: string;
  cles?: string;
  temoignage?: string | null;
  chiffres?: string[] | null;
  allerPlusLoin?: string[] | null;
  /** Title printed in the sommaire when it differs from the page. */
  sommaireTitre?: string;
  /** Whether the sommaire prints the collectivité over the title (the page prints it under). */
  sommaireCollectiviteFirst?: boolean;
}

export interface BrochureSpec {
  edition: string;
  promotions: { cover: string; heading: string; membres: string[] }[];
  sections: { titre: string; projets: ProjectSpec[] }[];
}

const email = (p: PersonSpec, domain: string): string =>
  p.email ?? `${p.prenom.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '')}.${p.nom.toLowerCase().replace(/[^a-z]/g, '')}@${domain}`;

/** A clean brochure: three projects in two sections, every author in a roster, no anomaly. */
export function cleanBrochure(): BrochureSpec {
  const people = {
    a: { prenom: 'Alice', nom: 'MARTIN' },
    b: { prenom: 'Bruno', nom: 'LEFEVRE' },
    c: { prenom: 'Chloé', nom: 'DURAND' },
    d: { prenom: 'David', nom: 'PETIT' },
    e: { prenom: 'Emma', nom: 'ROUSSEL' },
    f: { prenom: 'Fabien', nom: 'GIRARD' },
  };
  return {
    edition: '2031 / 2032',
    promotions: [
      { cover: 'OLYMPE DE GOUGES', heading: 'OLYMPE DE GOUGES', membres: ['LEFEVRE Bruno', 'MARTIN Alice'] },
      { cover: 'MARIE CURIE', heading: 'MARIE CURIE', membres: ['GIRARD Fabien', 'ROUSSEL Emma'] },
      { cover: 'ADA LOVELACE', heading: 'ADA LOVELACE', membres: ['DURAND Chloé', 'PETIT David'] },
    ],
    sections: [
      {
        titre: 'AGIR ENSEMBLE',
        projets: [
          {
            numero: 1,
            titre: 'UN PREMIER PROJET DE TEST',
            collectivite: 'VILLE DE NULLEPART',
            auteurs: [{ ...people.a, email: 'alice.martin@administrateur-inet.org' }, { ...people.e, email: 'emma.roussel@conservateur-inet.org' }],
            tuteurs: [{ prenom: 'Gilles', nom: 'HUBERT', fonction: 'Directeur général des services' }],
            contexte: 'La ville souhaitait revoir son organisation.',
            problematique: 'Comment faire mieux avec autant ?',
            cles: 'Trois pistes ont été proposées :\n\n- la première,\n- la deuxième,\n- la troisième.',
            temoignage: 'Gilles Hubert, Directeur général des services.\n\n« Une mission utile. »',
            chiffres: ['12', 'entretiens menés', '3', 'ateliers'],
            allerPlusLoin: ['Rapport de la mission, 2031.'],
          },
          {
            numero: 2,
            titre: 'UN DEUXIÈME PROJET',
            collectivite: 'DÉPARTEMENT DU CENTRE',
            auteurs: [{ ...people.b, email: 'bruno.lefevre@administrateur-inet.org' }, { ...people.f, email: 'fabien.girard@conservateur-inet.org' }],
            tuteurs: [{ prenom: 'Hélène', nom: 'JACOB', fonction: 'Directrice des finances' }],
            contexte: 'Le département a changé de budget.',
            problematique: 'Quel pilotage ?',
            cles: 'Un tableau de bord a été conçu.',
            temoignage: 'Hélène Jacob, Directrice des finances.\n\n« Un travail sérieux. »',
            chiffres: ['40 agents rencontrés'],
            allerPlusLoin: ['Guide du pilotage, 2030.'],
          },
        ],
      },
      {
        titre: 'VALORISER LES LIEUX',
        projets: [
          {
            numero: 3,
            titre: 'UN TROISIÈME PROJET',
            collectivite: 'RÉGION DU NORD',
            auteurs: [{ ...people.c, email: 'chloe.durand@ingenieurchef-inet.org' }, { ...people.d, email: 'david.petit@ingenieurchef-inet.org' }],
            tuteurs: [{ prenom: 'Ivan', nom: 'KLEIN', fonction: 'Directeur du patrimoine' }],
            contexte: 'La région possède un château.',
            problematique: 'Comment le faire vivre ?',
            cles: 'Un programme culturel a été proposé.',
            temoignage: 'Ivan Klein, Directeur du patrimoine.\n\n« Des idées neuves. »',
            chiffres: ['2', 'scénarios'],
            allerPlusLoin: ['Schéma régional du patrimoine, 2031.'],
          },
        ],
      },
    ],
  };
}

/** Renders a brochure spec as the converter prints it. */
export function renderBrochure(spec: BrochureSpec): string {
  const out: string[] = [];
  const push = (...blocks: string[]): void => {
    out.push(...blocks.map((b) => `${b}\n`));
  };
  const pad = (n: number): string => String(n).padStart(2, '0');
  push('REGARDS CROISÉS', 'SUR LES TERRITOIRES', 'ÉLÈVES TERRITORIAUX\nDE L\'INET\nDES PROMOTIONS');
  push(spec.promotions.map((p) => p.cover).join(', ').replace(/, ([^,]*)$/, ' & $1'), spec.edition, 'SOMMAIRE');
  let page = 5;
  for (const section of spec.sections) {
    push(section.titre);
    for (const projet of section.projets) {
      const title = projet.sommaireTitre ?? projet.titre;
      push(`${pad(projet.numero)}/`, projet.sommaireCollectiviteFirst ? `${projet.collectivite}\n${title}` : `${title}\n${projet.collectivite}`, `/ P${pad(page)}`);
      page += 4;
    }
  }
  push('Décembre 2031', 'Conception éditoriale :');
  for (const section of spec.sections) {
    push(`**${section.titre}**`);
    for (const projet of section.projets) {
      push(section.titre, pad(projet.numero), `**${projet.titre}**`, projet.collectivite, 'LES AUTEURS');
      for (const a of projet.auteurs) push(`${a.prenom} ${a.nom}\n${a.email === null ? '' : email(a, 'administrateur-inet.org')}`.trim());
      push(projet.tuteurLabel ?? (projet.tuteurs.length > 1 ? 'TUTEURS AU SEIN DE LA COLLECTIVITÉ' : 'TUTEUR AU SEIN DE LA COLLECTIVITÉ'));
      for (const t of projet.tuteurs) push(`${t.prenom} ${t.nom}`, t.fonction);
      if (projet.contexte !== undefined) push('CONTEXTE', projet.contexte);
      if (projet.problematique !== undefined) push('PROBLÉMATIQUE', projet.problematique);
      if (projet.cles !== undefined) push('DES CLÉS POUR AGIR', projet.cles);
      if (projet.temoignage) push('Témoignage de la collectivité', projet.temoignage);
      if (projet.chiffres) push('Les chiffres', ...projet.chiffres);
      if (projet.allerPlusLoin) push('Aller plus loin', ...projet.allerPlusLoin);
    }
  }
  for (const promotion of spec.promotions) push(`PROMOTION ${promotion.heading}`, promotion.membres.join('\n'));
  return out.join('\n');
}
