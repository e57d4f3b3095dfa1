import { defineTemplate, type Texts } from '../render/blocks';

export interface ApplicationSubmittedMail {
  organisationName: string;
  country: string;
  contactName: string;
  contactEmail: string;
  motivation: string;
}

const t: Texts<{
  subject: (o: string) => string;
  intro: (o: string) => string;
  org: string;
  country: string;
  contact: string;
  review: string;
}> = {
  en: {
    subject: (o) => `Membership application: ${o}`,
    intro: (o) => `${o} applied for membership of the cluster. Their motivation:`,
    org: 'Organisation',
    country: 'Country',
    contact: 'Contact',
    review: 'Review the application',
  },
  lt: {
    subject: (o) => `Narystės paraiška: ${o}`,
    intro: (o) => `${o} pateikė paraišką tapti klasterio nare. Motyvacija:`,
    org: 'Organizacija',
    country: 'Šalis',
    contact: 'Kontaktinis asmuo',
    review: 'Peržiūrėti paraišką',
  },
};

/** To coordinators and admins; non-essential (they may turn it off). */
export const applicationSubmittedMail = defineTemplate<ApplicationSubmittedMail>({
  essential: false,
  render(d, ctx) {
    const x = t[ctx.language];
    return {
      subject: x.subject(d.organisationName),
      blocks: [
        { type: 'p', text: x.intro(d.organisationName) },
        { type: 'quote', text: d.motivation },
        {
          type: 'facts',
          rows: [
            [x.org, d.organisationName],
            [x.country, d.country],
            [x.contact, `${d.contactName} <${d.contactEmail}>`],
          ],
        },
        { type: 'button', label: x.review, href: '/admin/applications' },
      ],
    };
  },
});
