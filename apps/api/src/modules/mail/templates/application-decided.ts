import { defineTemplate, type Texts } from '../render/blocks';

export interface ApplicationDecidedMail {
  organisationName: string;
  reason: string | null;
  /** for approvals: the organisation's page */
  organisationPath?: string;
}

const approved: Texts<{ subject: (o: string) => string; body: (o: string, c: string) => string; open: string; note: string }> = {
  en: {
    subject: (o) => `Welcome to the cluster: ${o} is now a member`,
    body: (o, c) =>
      `Your application was approved: ${o} is now a member of ${c}, and your account is active. You are the organisation's admin and can invite your colleagues.`,
    open: 'Sign in to the portal',
    note: 'A note from the coordinator:',
  },
  lt: {
    subject: (o) => `Sveiki atvykę į klasterį: ${o} dabar yra narė`,
    body: (o, c) =>
      `Jūsų paraiška patvirtinta: „${o}“ dabar yra klasterio „${c}“ narė, o jūsų paskyra aktyvi. Esate organizacijos administratorius ir galite pakviesti kolegas.`,
    open: 'Prisijungti prie portalo',
    note: 'Koordinatoriaus pastaba:',
  },
};

const rejected: Texts<{ subject: (o: string) => string; body: (o: string, c: string) => string; reason: string; contact: string }> = {
  en: {
    subject: (o) => `Your membership application for ${o}`,
    body: (o, c) => `Thank you for your interest in ${c}. After review, the application of ${o} was not accepted.`,
    reason: 'The coordinator’s reason:',
    contact: 'You are welcome to apply again later, or reply to the cluster coordinators with any questions.',
  },
  lt: {
    subject: (o) => `Jūsų narystės paraiška: ${o}`,
    body: (o, c) => `Dėkojame, kad domitės klasteriu „${c}“. Peržiūrėjus paraišką, „${o}“ narystė nepatvirtinta.`,
    reason: 'Koordinatoriaus nurodyta priežastis:',
    contact: 'Vėliau galite pateikti paraišką iš naujo arba klausimus užduoti klasterio koordinatoriams.',
  },
};

export const applicationApprovedMail = defineTemplate<ApplicationDecidedMail>({
  essential: true,
  render(d, ctx) {
    const x = approved[ctx.language];
    return {
      subject: x.subject(d.organisationName),
      blocks: [
        { type: 'p', text: x.body(d.organisationName, ctx.clusterName) },
        ...(d.reason
          ? [
              { type: 'p' as const, text: x.note },
              { type: 'quote' as const, text: d.reason },
            ]
          : []),
        { type: 'button', label: x.open, href: d.organisationPath ?? '/login' },
      ],
    };
  },
});

export const applicationRejectedMail = defineTemplate<ApplicationDecidedMail>({
  essential: true,
  render(d, ctx) {
    const x = rejected[ctx.language];
    return {
      subject: x.subject(d.organisationName),
      blocks: [
        { type: 'p', text: x.body(d.organisationName, ctx.clusterName) },
        ...(d.reason
          ? [
              { type: 'p' as const, text: x.reason },
              { type: 'quote' as const, text: d.reason },
            ]
          : []),
        { type: 'p', text: x.contact },
      ],
    };
  },
});
