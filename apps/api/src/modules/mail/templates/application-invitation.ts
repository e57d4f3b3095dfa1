import { APPLY_INVITATION_TTL_DAYS } from '@klasteris/contracts';
import { defineTemplate, type Texts } from '../render/blocks';

export interface ApplicationInvitationMail {
  /** the prospect's name as registered */
  name: string;
  organisationName: string;
  eventTitle: string;
  inviterName: string;
  message: string | null;
  /** app path of the apply page with the invitation's token, /apply?invitation=… */
  path: string;
  expiresAt: Date;
}

const t: Texts<{
  subject: (c: string) => string;
  intro: (d: ApplicationInvitationMail, c: string) => string;
  why: string;
  apply: string;
  prefilled: string;
  expires: (at: string) => string;
  ignore: string;
}> = {
  en: {
    subject: (c) => `An invitation to apply for membership of ${c}`,
    intro: (d, c) =>
      `Dear ${d.name}, thank you for joining "${d.eventTitle}". ${d.inviterName} invites ${d.organisationName} to apply for membership of ${c}.`,
    why: "Members find partners for joint projects, share the cluster's venues and labs, and take part in its working groups and international presentations.",
    apply: 'Apply for membership',
    prefilled: 'The form is already filled in with the details you registered with; check them, tell us why you want to join, and send it.',
    expires: (at) => `The link is valid until ${at} (${APPLY_INVITATION_TTL_DAYS} days).`,
    ignore: 'If you are not interested, ignore this e-mail: nothing happens without you.',
  },
  lt: {
    subject: (c) => `Kvietimas teikti paraišką tapti klasterio „${c}“ nariu`,
    intro: (d, c) =>
      `Gerb. ${d.name}, dėkojame, kad dalyvavote renginyje „${d.eventTitle}“. ${d.inviterName} kviečia organizaciją „${d.organisationName}“ teikti paraišką tapti klasterio „${c}“ nare.`,
    why: 'Nariai randa partnerių bendriems projektams, naudojasi klasterio salėmis ir laboratorijomis, dalyvauja darbo grupėse ir tarptautiniuose pristatymuose.',
    apply: 'Teikti narystės paraišką',
    prefilled:
      'Forma jau užpildyta duomenimis, kuriuos nurodėte registruodamiesi; patikrinkite juos, parašykite, kodėl norite prisijungti, ir pateikite.',
    expires: (at) => `Nuoroda galioja iki ${at} (${APPLY_INVITATION_TTL_DAYS} d.).`,
    ignore: 'Jei tai jums neaktualu, tiesiog ignoruokite šį laišką: be jūsų niekas nevyks.',
  },
};

/** To a prospect of an event, whom an organiser invites to apply: an invitation they did not ask for in so many words, but one-off and personal. */
export const applicationInvitationMail = defineTemplate<ApplicationInvitationMail>({
  essential: true,
  render(d, ctx) {
    const x = t[ctx.language];
    return {
      subject: x.subject(ctx.clusterName),
      preheader: x.intro(d, ctx.clusterName),
      blocks: [
        { type: 'p', text: x.intro(d, ctx.clusterName) },
        { type: 'p', text: x.why },
        ...(d.message ? [{ type: 'quote' as const, text: d.message, by: d.inviterName }] : []),
        { type: 'button', label: x.apply, href: d.path },
        { type: 'note', text: x.prefilled },
        { type: 'note', text: x.expires(ctx.dateTime(d.expiresAt)) },
        { type: 'note', text: x.ignore },
      ],
    };
  },
});
