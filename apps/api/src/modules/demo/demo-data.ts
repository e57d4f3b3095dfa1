import type { OrganisationInput, Role } from '@klasteris/contracts';

/**
 * The demo cluster, drawn from the INFOBALT ICT cluster's own story: its founding members, social
 * partners from Latvia and Oman, and applications from target markets.
 */
export const DEMO_PASSWORD = 'klasteris-demo';

export interface DemoOrganisation extends OrganisationInput {
  key: string;
  membershipStatus: 'member' | 'partner';
  joinedAt: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'infobalt',
    name: 'INFOBALT',
    type: 'association',
    country: 'LT',
    city: 'Vilnius',
    website: 'https://infobalt.lt',
    sectors: ['ICT policy', 'Export promotion', 'Cluster administration'],
    description:
      'The Lithuanian digital technology association; initiator and administrator of the INFOBALT ICT cluster (project VP2-1.4-ŪM-01-K-01-014).',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'etronika',
    name: 'Etronika',
    type: 'company',
    country: 'LT',
    city: 'Vilnius',
    website: 'https://www.etronika.lt',
    sectors: ['E-banking', 'Software development', 'Cloud computing'],
    description: 'Digital banking and e-service software for financial institutions; a founding member of the cluster.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'bas',
    name: 'Baltic Amber Solutions',
    type: 'company',
    country: 'LT',
    city: 'Vilnius',
    sectors: ['Software development', 'System integration', 'Cloud computing'],
    description: 'Custom software and integration projects for public and private clients; a founding member.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'datahouse',
    name: 'Data House',
    type: 'company',
    country: 'LT',
    city: 'Vilnius',
    sectors: ['Data centre', 'Hosting', 'Cloud computing'],
    description: 'Data-centre and hosting services; operates racks and servers shared with cluster projects.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: '1clickfactory',
    name: '1ClickFactory',
    type: 'company',
    country: 'LT',
    city: 'Vilnius',
    website: 'https://www.1clickfactory.com',
    sectors: ['ERP', 'Microsoft Dynamics', 'Cloud computing'],
    description: 'Microsoft Dynamics upgrade and cloud services for partners worldwide; a founding member.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'duomenu',
    name: 'Duomenų centras',
    type: 'company',
    country: 'LT',
    city: 'Vilnius',
    sectors: ['Data centre', 'Colocation', 'Cloud computing'],
    description: 'Data-centre operator offering colocation, dedicated servers and GPU capacity to cluster members.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'ir',
    name: 'Informacinė raida',
    type: 'company',
    country: 'LT',
    city: 'Vilnius',
    sectors: ['Document management', 'Software development'],
    description: 'Document management and e-government software; a founding member.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'vu-mif',
    name: 'Vilnius University, Faculty of Mathematics and Informatics',
    type: 'university',
    country: 'LT',
    city: 'Vilnius',
    website: 'https://mif.vu.lt',
    sectors: ['Research', 'Education', 'Data science', 'High-performance computing'],
    description: 'The university partner: research labs, test equipment and students for joint research and product development.',
    membershipStatus: 'member',
    joinedAt: '2013-06-01',
  },
  {
    key: 'riga-it',
    name: 'Latvijas IT Klasteris',
    type: 'social_partner',
    country: 'LV',
    city: 'Rīga',
    sectors: ['ICT cluster', 'Software development'],
    description: 'A Latvian ICT cluster and social partner, cooperating on Baltic market studies and joint events.',
    membershipStatus: 'partner',
    joinedAt: '2014-03-15',
  },
  {
    key: 'oman-digital',
    name: 'Muscat Digital Partners',
    type: 'social_partner',
    country: 'OM',
    city: 'Muscat',
    sectors: ['Digital transformation', 'Cloud computing', 'Middle East markets'],
    description: 'Omani social partner that hosted the cluster presentation in Oman; gateway to Middle East markets.',
    membershipStatus: 'partner',
    joinedAt: '2014-05-20',
  },
];

export interface DemoUser {
  email: string;
  displayName: string;
  org: string | null;
  roles: Role[];
  title: string;
  expertise: string[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@klasteris.demo',
    displayName: 'Boleta Senkienė',
    org: 'infobalt',
    roles: ['member', 'admin'],
    title: 'Export and Investment Manager',
    expertise: ['Export', 'Investment', 'Cluster administration'],
  },
  {
    email: 'coordinator@klasteris.demo',
    displayName: 'Tomas Žukauskas',
    org: 'infobalt',
    roles: ['member', 'coordinator'],
    title: 'Cluster coordinator',
    expertise: ['Working groups', 'International events'],
  },
  {
    email: 'member@klasteris.demo',
    displayName: 'Rūta Kazlauskienė',
    org: 'etronika',
    roles: ['member'],
    title: 'Cloud solutions architect',
    expertise: ['Cloud computing', 'E-banking'],
  },
  {
    email: 'member2@klasteris.demo',
    displayName: 'Mindaugas Petrauskas',
    org: 'datahouse',
    roles: ['member'],
    title: 'Data-centre operations lead',
    expertise: ['Data centre', 'Hosting'],
  },
  {
    email: 'orgadmin@klasteris.demo',
    displayName: 'Vaidas Urbonas',
    org: 'etronika',
    roles: ['member', 'org_admin'],
    title: 'Chief technology officer',
    expertise: ['Software architecture', 'Cloud computing'],
  },
  {
    email: 'orgadmin2@klasteris.demo',
    displayName: 'Asta Paulauskienė',
    org: 'datahouse',
    roles: ['member', 'org_admin'],
    title: 'Managing director',
    expertise: ['Data centre', 'Business development'],
  },
  {
    email: 'jonas@klasteris.demo',
    displayName: 'Jonas Jankauskas',
    org: 'duomenu',
    roles: ['member'],
    title: 'Infrastructure engineer',
    expertise: ['GPU clusters', 'Colocation'],
  },
  {
    email: 'egle@klasteris.demo',
    displayName: 'Eglė Vasiliauskaitė',
    org: 'vu-mif',
    roles: ['member', 'org_admin'],
    title: 'Associate professor',
    expertise: ['Data science', 'High-performance computing'],
  },
  {
    email: 'andris@klasteris.demo',
    displayName: 'Andris Bērziņš',
    org: 'riga-it',
    roles: ['member', 'org_admin'],
    title: 'Partnership manager',
    expertise: ['Baltic markets'],
  },
  {
    email: 'salim@klasteris.demo',
    displayName: 'Salim Al-Harthy',
    org: 'oman-digital',
    roles: ['member', 'org_admin'],
    title: 'Business development director',
    expertise: ['Middle East markets', 'Cloud computing'],
  },
  {
    email: 'laura@klasteris.demo',
    displayName: 'Laura Stankevičiūtė',
    org: '1clickfactory',
    roles: ['member', 'org_admin'],
    title: 'Cloud services manager',
    expertise: ['ERP', 'Microsoft Dynamics'],
  },
  {
    email: 'darius@klasteris.demo',
    displayName: 'Darius Navickas',
    org: 'bas',
    roles: ['member', 'org_admin'],
    title: 'Head of delivery',
    expertise: ['System integration'],
  },
  {
    email: 'ieva@klasteris.demo',
    displayName: 'Ieva Mockutė',
    org: 'ir',
    roles: ['member', 'org_admin'],
    title: 'Product owner',
    expertise: ['Document management'],
  },
];

export interface DemoApplication {
  organisation: OrganisationInput;
  contact: { displayName: string; email: string; title: string };
  motivation: string;
}

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    organisation: {
      name: 'Almaty Cloud Systems',
      type: 'company',
      country: 'KZ',
      city: 'Almaty',
      sectors: ['Cloud computing', 'Hosting'],
      description: 'Cloud hosting provider in Kazakhstan.',
    },
    contact: { displayName: 'Aigerim Nurlanova', email: 'aigerim@almatycloud.demo', title: 'CEO' },
    motivation: 'We met the cluster at its presentation in Kazakhstan and want to offer joint cloud services with Lithuanian data centres.',
  },
  {
    organisation: {
      name: 'Baku Smart Solutions',
      type: 'company',
      country: 'AZ',
      city: 'Baku',
      sectors: ['E-government', 'Software development'],
      description: 'E-government software for the Caspian region.',
    },
    contact: { displayName: 'Elvin Mammadov', email: 'elvin@bakusmart.demo', title: 'Managing director' },
    motivation: 'After the cluster presentation in Azerbaijan we would like to partner with Lithuanian e-service developers on tenders.',
  },
];
