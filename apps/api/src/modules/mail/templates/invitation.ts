import { INVITATION_TTL_HOURS } from '@klasteris/contracts';
import { defineTemplate, type Texts } from '../render/blocks';

export interface InvitationMail {
  inviterName: string;
  organisationName: string;
  message: string | null;
  /** the app path of the invitation, /invite/<token> */
  path: string;
  expiresAt: Date;
}

const t: Texts<{
  subject: (d: InvitationMail, c: string) => string;
  intro: (d: InvitationMail, c: string) => string;
  accept: string;
  expires: (at: string) => string;
  ignore: string;
}> = {
  en: {
    subject: (d, c) => `${d.inviterName} invites you to ${d.organisationName} on ${c}`,
    intro: (d, c) =>
      `${d.inviterName} invites you to join ${d.organisationName} on the portal of ${c}, where the cluster's members find partners, chat and work on shared projects.`,
    accept: 'Accept the invitation',
    expires: (at) => `The invitation is valid until ${at} (${INVITATION_TTL_HOURS / 24} days).`,
    ignore: 'If you did not expect it, ignore this e-mail: no account is created without you.',
  },
  lt: {
    subject: (d, c) => `${d.inviterName} kviečia jus prisijungti prie ${d.organisationName} portale „${c}“`,
    intro: (d, c) =>
      `${d.inviterName} kviečia jus prisijungti prie organizacijos „${d.organisationName}“ klasterio „${c}“ portale, kuriame nariai ieško partnerių, bendrauja ir dirba bendruose projektuose.`,
    accept: 'Priimti kvietimą',
    expires: (at) => `Kvietimas galioja iki ${at} (${INVITATION_TTL_HOURS / 24} d.).`,
    ignore: 'Jei jo nesitikėjote, tiesiog ignoruokite šį laišką: be jūsų paskyra nebus sukurta.',
  },
};

export const invitationMail = defineTemplate<InvitationMail>({
  essential: true,
  render(d, ctx) {
    const x = t[ctx.language];
    return {
      subject: x.subject(d, ctx.clusterName),
      preheader: x.intro(d, ctx.clusterName),
      blocks: [
        { type: 'p', text: x.intro(d, ctx.clusterName) },
        ...(d.message ? [{ type: 'quote' as const, text: d.message, by: d.inviterName }] : []),
        { type: 'button', label: x.accept, href: d.path },
        { type: 'note', text: x.expires(ctx.dateTime(d.expiresAt)) },
        { type: 'note', text: x.ignore },
      ],
    };
  },
});
