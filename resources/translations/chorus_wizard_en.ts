<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr_FR">
<context>
    <name>ActivatePage</name>
    <message>
        <source>Ce lien a expiré&#xa0;: cliquez sur «&#xa0;Renvoyer le courriel&#xa0;» pour recevoir un nouveau lien, puis collez-le ici.</source>
        <extracomment>How often the link&apos;s time left is redrawn. While a lock is shown, how often the account&apos;s state is asked (a trainer may lift it).</extracomment>
        <translation>This link has expired: click “Resend the email” to receive a new link, then paste it here.</translation>
    </message>
    <message>
        <source>Ce lien d&apos;activation a expiré&#xa0;: un lien n&apos;est valable que 60 minutes. Cliquez sur «&#xa0;Renvoyer le courriel&#xa0;» pour en recevoir un nouveau, puis collez le nouveau lien et validez à nouveau. Vos autres saisies sont conservées.</source>
        <translation>This activation link has expired: a link is only valid for 60 minutes. Click “Resend the email” to receive a new one, then paste the new link and confirm again. Everything else you entered is kept.</translation>
    </message>
    <message>
        <source>Ce lien est valable encore moins d&apos;une minute.</source>
        <translation>This link is valid for less than a minute.</translation>
    </message>
    <message>
        <source>Ce lien est valable encore 1 minute.</source>
        <translation>This link is valid for 1 more minute.</translation>
    </message>
    <message>
        <source>Ce lien est valable encore {minutes} minutes.</source>
        <translation>This link is valid for {minutes} more minutes.</translation>
    </message>
    <message>
        <source>demain {time}</source>
        <translation>tomorrow at {time}</translation>
    </message>
    <message>
        <source>{hour}&#xa0;h&#xa0;{minute}</source>
        <translation>{hour}:{minute}</translation>
    </message>
    <message>
        <source>{seconds}&#xa0;s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes}&#xa0;min&#xa0;{seconds}&#xa0;s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>Le lien, le mot de passe et la réponse secrète saisis avant la fermeture de la fenêtre n&apos;ont pas été gardés (ils ne sont jamais enregistrés)&#xa0;: saisissez-les à nouveau&#xa0;; tant que la fenêtre reste ouverte, ils restent en place.</source>
        <translation>The link, the password and the secret answer typed before the window was closed were not kept (they are never saved): type them again; while the window stays open, they stay in place.</translation>
    </message>
    <message>
        <source>Tant que la fenêtre reste ouverte, tout ce que vous avez saisi reste en place. Si vous la fermez, vos informations des étapes 1 à 3 sont gardées, mais le lien, le mot de passe et la réponse secrète ne sont jamais enregistrés&#xa0;: il faudra les saisir à nouveau.</source>
        <translation>While the window stays open, everything you typed stays in place. If you close it, your details from steps 1 to 3 are kept, but the link, the password and the secret answer are never saved: you will have to type them again.</translation>
    </message>
    <message>
        <source>Trop de tentatives infructueuses&#xa0;: l&apos;activation de ce compte est bloquée jusqu&apos;à {time} (encore {left}). Le lien du dernier courriel aura expiré d&apos;ici là&#xa0;: à la fin du blocage, cliquez sur «&#xa0;Renvoyer le courriel&#xa0;» pour en recevoir un nouveau. {kept}</source>
        <translation>Too many failed attempts: activating this account is blocked until {time} ({left} left). The link of the last email will have expired by then: when the block ends, click “Resend the email” to receive a new one. {kept}</translation>
    </message>
    <message>
        <source>Trop de tentatives infructueuses&#xa0;: l&apos;activation de ce compte est bloquée jusqu&apos;à {time}. Réessayez dans {left}, avec le lien du dernier courriel reçu. {kept}</source>
        <translation>Too many failed attempts: activation of this account is blocked until {time}. Try again in {left}, with the link from the latest email received. {kept}</translation>
    </message>
    <message>
        <source>Attention&#xa0;: encore un code erroné et l&apos;activation sera bloquée pendant une heure.</source>
        <translation>Careful: one more wrong code and activation will be blocked for one hour.</translation>
    </message>
    <message>
        <source>Il vous reste {tries} essais avant un blocage d&apos;une heure.</source>
        <translation>{tries} tries left before a one-hour block.</translation>
    </message>
    <message>
        <source>Activez votre compte utilisateur</source>
        <translation>Activate your user account</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Reprise</source>
        <extracomment>What a resume had to say (the workspaces chosen, a missing keychain): kept in view under the intro while the message line below says other things (a lock, a call).</extracomment>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Collez ici le lien reçu par courriel, ou le code seul</source>
        <translation>Paste the link received by email here, or just the code</translation>
    </message>
    <message>
        <source>Voir le courriel reçu</source>
        <translation>Show the email received</translation>
    </message>
    <message>
        <source>Renvoyer le courriel</source>
        <translation>Resend the email</translation>
    </message>
    <message>
        <source>Lien ou code d&apos;activation</source>
        <translation>Activation link or code</translation>
    </message>
    <message>
        <source>La question secrète vous permettra de récupérer votre mot de passe en cas d&apos;oubli. La réponse ne tient compte ni des majuscules ni des accents.</source>
        <translation>The secret question will let you recover your password if you forget it. The answer ignores capital letters and accents.</translation>
    </message>
    <message>
        <source>Question secrète</source>
        <translation>Secret question</translation>
    </message>
    <message>
        <source>Réponse</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Le courriel d&apos;activation a été envoyé à {email}. Copiez le lien qu&apos;il contient (ou le code seul) dans le champ ci-dessous, puis choisissez votre mot de passe et votre question secrète.</source>
        <translation>The activation email was sent to {email}. Copy the link it contains (or just the code) into the field below, then choose your password and your secret question.</translation>
    </message>
    <message>
        <source>Chargement des règles de mot de passe…</source>
        <translation>Loading the password rules…</translation>
    </message>
    <message>
        <source>Vos informations des étapes 1 à 3 sont gardées&#xa0;: au prochain lancement, «&#xa0;Reprendre&#xa0;» les remet en place et revient ici. Le lien ou code d&apos;activation, le mot de passe et la réponse secrète saisis ne sont jamais enregistrés&#xa0;: il faudra les saisir à nouveau.</source>
        <translation>Your details from steps 1 to 3 are kept: at the next start, “Resume” puts them back and comes back here. The activation link or code, the password and the secret answer typed are never saved: you will have to type them again.</translation>
    </message>
    <message>
        <source>Votre compte a déjà été créé pour {email} et attend son activation. Si vous quittez maintenant, l&apos;inscription reste en attente&#xa0;: au prochain lancement, «&#xa0;Reprendre&#xa0;» revient ici.</source>
        <translation>Your account has already been created for {email} and is waiting for its activation. If you quit now, the signup stays pending: at the next start, “Resume” comes back here.</translation>
    </message>
    <message>
        <source>Le blocage reste en place jusqu&apos;à {time}, et sera indiqué à la reprise.</source>
        <translation>The block stays until {time}, and will be shown when you resume.</translation>
    </message>
    <message>
        <source>Quitter quand même&#xa0;?</source>
        <translation>Quit anyway?</translation>
    </message>
    <message>
        <source>le lien ou le code d&apos;activation reçu</source>
        <translation>the activation link or code you received</translation>
    </message>
    <message>
        <source>un mot de passe qui respecte les règles</source>
        <translation>a password that meets the rules</translation>
    </message>
    <message>
        <source>la confirmation du mot de passe</source>
        <translation>the password confirmation</translation>
    </message>
    <message>
        <source>une question secrète</source>
        <translation>a secret question</translation>
    </message>
    <message>
        <source>la réponse à la question secrète</source>
        <translation>the answer to the secret question</translation>
    </message>
    <message>
        <source>Le blocage est levé&#xa0;: validez à nouveau, avec le lien du dernier courriel reçu.</source>
        <translation>The block is lifted: confirm again, with the link from the latest email received.</translation>
    </message>
    <message>
        <source>Le blocage a été levé&#xa0;: validez à nouveau, avec le lien du dernier courriel reçu.</source>
        <translation>The block has been lifted: confirm again, with the link from the latest email received.</translation>
    </message>
    <message>
        <source>Ce lien ne contient pas de code d&apos;activation&#xa0;: copiez le lien complet.</source>
        <translation>This link contains no activation code: copy the whole link.</translation>
    </message>
    <message>
        <source>Lecture du courriel…</source>
        <translation>Reading the email…</translation>
    </message>
    <message>
        <source>Aucun courriel reçu pour cette adresse.</source>
        <translation>No email received for this address.</translation>
    </message>
    <message>
        <source>Envoi d&apos;un nouveau courriel…</source>
        <translation>Sending a new email…</translation>
    </message>
    <message>
        <source>Un nouveau courriel d&apos;activation a été envoyé à {email}. Son lien est valable jusqu&apos;à {time}&#xa0;; celui du courriel précédent ne fonctionne plus.</source>
        <translation>A new activation email was sent to {email}. Its link is valid until {time}; the previous email&apos;s link no longer works.</translation>
    </message>
    <message>
        <source>Un nouveau courriel d&apos;activation a été envoyé à {email}&#xa0;; le lien du courriel précédent ne fonctionne plus.</source>
        <translation>A new activation email was sent to {email}; the previous email&apos;s link no longer works.</translation>
    </message>
    <message>
        <source>Activation de votre compte…</source>
        <translation>Activating your account…</translation>
    </message>
</context>
<context>
    <name>AttachPage</name>
    <message>
        <source>Ouvrez le portail et connectez-vous. Sans compte utilisateur, créez-le d&apos;abord avec l&apos;adresse ci-dessous&#xa0;: le lien du courriel d&apos;activation est valable 60 minutes.</source>
        <translation>Open the portal and sign in. If you have no user account, first create one with the address below: the link in the activation email is valid for 60 minutes.</translation>
    </message>
    <message>
        <source>Une fois connecté, demandez le rattachement à la structure en saisissant son identifiant (bouton «&#xa0;Copier&#xa0;»).</source>
        <translation>Once signed in, ask to be attached to the structure by entering its identifier (“Copy” button).</translation>
    </message>
    <message>
        <source>Le gestionnaire principal de la structure valide votre demande&#xa0;; vous êtes informé de sa décision par courriel.</source>
        <translation>The structure&apos;s main manager approves your request; you are told of the decision by email.</translation>
    </message>
    <message>
        <source>Votre structure est déjà inscrite dans le bac à sable</source>
        <extracomment>A sandbox&apos;s signup is a rehearsal: the structure is the sandbox&apos;s, not Chorus Pro&apos;s.</extracomment>
        <translation>Your organisation is already registered in the sandbox</translation>
    </message>
    <message>
        <source>Votre structure est déjà inscrite sur Chorus Pro</source>
        <translation>Your structure is already registered on Chorus Pro</translation>
    </message>
    <message>
        <source>Vous ne pouvez pas la créer une seconde fois&#xa0;: demandez à y être rattaché. Votre demande est transmise au gestionnaire principal de la structure, qui la valide&#xa0;; vous êtes informé de sa décision par courriel. Si le gestionnaire principal a quitté la structure, seul le support Chorus Pro peut en désigner un nouveau (par une sollicitation).</source>
        <extracomment>The structure the page was last shown for: another one starts a new request. The login e-mail (lower case) the names were typed for. consulterStructure: what Chorus Pro holds about the structure (raison sociale…).</extracomment>
        <translation>You cannot create it a second time: ask to be attached to it. Your request goes to the structure&apos;s main manager, who approves it; you are told of the decision by email. If the main manager has left the structure, only Chorus Pro support can appoint a new one (through a request).</translation>
    </message>
    <message>
        <source>Nom</source>
        <extracomment>Why each name cannot be sent (the rule the sandbox applies too).</extracomment>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Envoyer la demande de rattachement</source>
        <translation>Send the attachment request</translation>
    </message>
    <message>
        <source>Demandez le rattachement sur le portail Chorus Pro</source>
        <translation>Ask to be attached on the Chorus Pro portal</translation>
    </message>
    <message>
        <source>J&apos;ai envoyé ma demande de rattachement sur le portail</source>
        <translation>I have sent my attachment request on the portal</translation>
    </message>
    <message>
        <source>SIRET {siret}</source>
        <translation>SIRET {siret}</translation>
    </message>
    <message>
        <source>La structure &lt;b&gt;{name}&lt;/b&gt; ({identifier}) existe déjà dans le bac à sable de la répétition (pas sur Chorus Pro).</source>
        <translation>The organisation &lt;b&gt;{name}&lt;/b&gt; ({identifier}) already exists in the rehearsal&apos;s sandbox (not on Chorus Pro).</translation>
    </message>
    <message>
        <source>La structure &lt;b&gt;{name}&lt;/b&gt; ({identifier}) existe déjà sur Chorus Pro.</source>
        <translation>The structure &lt;b&gt;{name}&lt;/b&gt; ({identifier}) already exists on Chorus Pro.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Raison sociale&#xa0;:&lt;/b&gt; {value}</source>
        <translation>&lt;b&gt;Company name:&lt;/b&gt; {value}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Libellé&#xa0;:&lt;/b&gt; {value}</source>
        <translation>&lt;b&gt;Display name:&lt;/b&gt; {value}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adresse&#xa0;:&lt;/b&gt; {value}</source>
        <translation>&lt;b&gt;Address:&lt;/b&gt; {value}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fiche de la structure dans le bac à sable&lt;/b&gt;&lt;br&gt;{lines}</source>
        <translation>&lt;b&gt;The organisation&apos;s record in the sandbox&lt;/b&gt;&lt;br&gt;{lines}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fiche Chorus Pro de la structure&lt;/b&gt;&lt;br&gt;{lines}</source>
        <translation>&lt;b&gt;The structure&apos;s Chorus Pro record&lt;/b&gt;&lt;br&gt;{lines}</translation>
    </message>
    <message>
        <source>Adresse électronique</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Identifiant de la structure</source>
        <translation>Structure identifier</translation>
    </message>
    <message>
        <source>Envoi de votre demande de rattachement…</source>
        <translation>Sending your attachment request…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <extracomment>A message was shown: the tone&apos;s name (``ERROR``…) and its text (for the diagnostic).</extracomment>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Veuillez patienter…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>Veuillez patienter</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>CompanySearchDialog</name>
    <message>
        <source>Je ne connais pas mon SIRET</source>
        <extracomment>The typing pause before a search starts, in milliseconds. At least this long between two requests (the API allows 7 a second). A name shorter than this is not searched (the API wants 3 characters).</extracomment>
        <translation>I don&apos;t know my SIRET</translation>
    </message>
    <message>
        <source>Rechercher votre entreprise par son nom</source>
        <translation>Find your company by its name</translation>
    </message>
    <message>
        <source>Tapez le nom de votre entreprise, et si besoin son code postal, son département ou sa ville. Choisissez ensuite l&apos;établissement où vous travaillez (le siège, à défaut).</source>
        <translation>Type your company&apos;s name and, if needed, its postcode, department or town. Then choose the establishment where you work (the head office, failing that).</translation>
    </message>
    <message>
        <source>Nom de l&apos;entreprise</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>par exemple&#xa0;: La Poste</source>
        <translation>for example: La Poste</translation>
    </message>
    <message>
        <source>Code postal, département ou ville</source>
        <translation>Postcode, department or town</translation>
    </message>
    <message>
        <source>par exemple&#xa0;: 75015 ou Angers</source>
        <translation>for example: 75015 or Angers</translation>
    </message>
    <message>
        <source>&amp;Nom de l&apos;entreprise</source>
        <translation>Company &amp;name</translation>
    </message>
    <message>
        <source>Code postal, département ou &amp;ville</source>
        <translation>Postcode, department or &amp;town</translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Établissements trouvés</source>
        <translation>Establishments found</translation>
    </message>
    <message>
        <source>É&amp;tablissements trouvés</source>
        <translation>&amp;Establishments found</translation>
    </message>
    <message>
        <source>&amp;Choisir cet établissement</source>
        <translation>&amp;Choose this establishment</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Tapez au moins 3 lettres du nom de l&apos;entreprise.</source>
        <extracomment>The typing pause, then the search; also the wait a 429 asks for.</extracomment>
        <translation>Type at least 3 letters of the company&apos;s name.</translation>
    </message>
    <message>
        <source>Recherche dans l&apos;annuaire des entreprises…</source>
        <translation>Searching the company directory…</translation>
    </message>
    <message>
        <source>Aucune entreprise trouvée. Vérifiez l&apos;orthographe du nom, ou retirez le code postal ou la ville.</source>
        <translation>No company found. Check the spelling of the name, or remove the postcode or the town.</translation>
    </message>
    <message>
        <source>1 établissement trouvé.</source>
        <translation>1 establishment found.</translation>
    </message>
    <message>
        <source>{count} établissements trouvés.</source>
        <translation>{count} establishments found.</translation>
    </message>
    <message>
        <source>D&apos;autres réponses existent&#xa0;: précisez le nom ou le lieu.</source>
        <translation>There are more answers: make the name or the place more precise.</translation>
    </message>
    <message>
        <source>siège</source>
        <translation>head office</translation>
    </message>
    <message>
        <source>établissement secondaire</source>
        <translation>secondary establishment</translation>
    </message>
    <message>
        <source>ouvert</source>
        <translation>open</translation>
    </message>
    <message>
        <source>fermé</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>adresse non diffusée</source>
        <translation>address not published</translation>
    </message>
    <message>
        <source>{name} — {kind}, {state}
{address}
SIRET {siret}</source>
        <translation>{name} — {kind}, {state}
{address}
SIRET {siret}</translation>
    </message>
    <message>
        <source>L&apos;annuaire des entreprises reçoit trop de demandes&#xa0;: nouvelle recherche dans {seconds}&#xa0;s, sans rien retaper.</source>
        <translation>The company directory is receiving too many requests: searching again in {seconds} s, no need to retype anything.</translation>
    </message>
    <message>
        <source>{reason} Chorus Pro n&apos;accepte que les établissements ouverts&#xa0;: choisissez-en un autre (par exemple le siège).</source>
        <translation>{reason} Chorus Pro only accepts open establishments: choose another one (the head office, for example).</translation>
    </message>
</context>
<context>
    <name>CompletePage</name>
    <message>
        <source>Complétez les informations demandées</source>
        <translation>Complete the requested information</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Vous</source>
        <extracomment>The login e-mail (lower case) the person&apos;s fields were typed for: another address is another person, whose name is not the earlier one&apos;s.</extracomment>
        <translation>You</translation>
    </message>
    <message>
        <source>Ressaisissez votre adresse électronique de connexion</source>
        <extracomment>The line edit of each text field of the record typed here, by the field&apos;s name. Each line edit, its field, and the line saying why its value cannot be sent (the field&apos;s rule, which the sandbox applies too).</extracomment>
        <translation>Re-enter your login email address</translation>
    </message>
    <message>
        <source>Votre structure</source>
        <translation>Your structure</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Fonctionnalités</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Déposer des demandes de paiement</source>
        <translation>Submit payment requests</translation>
    </message>
    <message>
        <source>Créer et/ou consulter des DUME</source>
        <translation>Create and/or view ESPDs (DUME)</translation>
    </message>
    <message>
        <source>Cochée par défaut&#xa0;: elle vous permet de transmettre vos factures à vos clients publics.</source>
        <translation>Ticked by default: it lets you send your invoices to your public-sector customers.</translation>
    </message>
    <message>
        <source>Réservée aux éditeurs de «&#xa0;profils d&apos;acheteurs&#xa0;» (places de marchés publics en ligne) qui se raccordent au service DUME (document unique de marché européen) par API. Si vous n&apos;êtes pas un profil d&apos;acheteur, cocher cette case est inutile.</source>
        <translation>Only for publishers of “buyer profiles” (online public-procurement platforms) that connect to the DUME service (European Single Procurement Document) through the API. If you are not a buyer profile, there is no point ticking this box.</translation>
    </message>
    <message>
        <source>En cliquant sur «&#xa0;Valider&#xa0;», votre compte utilisateur et votre structure sont créés sur Chorus Pro et un courriel d&apos;activation vous est envoyé. Cette étape est définitive&#xa0;: vérifiez vos informations avant de valider.</source>
        <translation>When you click “Confirm”, your user account and your structure are created on Chorus Pro and an activation email is sent to you. This step cannot be undone: check your information before confirming.</translation>
    </message>
    <message>
        <source>Créez votre compte sur le portail Chorus Pro</source>
        <translation>Create your account on the Chorus Pro portal</translation>
    </message>
    <message>
        <source>Les champs concernant votre structure sont alimentés avec les données de l&apos;annuaire du bac à sable (un extrait enregistré pour la répétition), mais restent modifiables.</source>
        <translation>The fields about your structure are filled in from the sandbox&apos;s directory (an extract recorded for the rehearsal), but you can still change them.</translation>
    </message>
    <message>
        <source>Les champs concernant votre structure sont alimentés avec les données de la base Sirene de l&apos;INSEE, mais restent modifiables.</source>
        <translation>The fields about your structure are filled in from INSEE&apos;s Sirene database, but you can still change them.</translation>
    </message>
    <message>
        <source>Les champs concernant votre structure sont alimentés avec les données de l&apos;annuaire des entreprises (API Recherche d&apos;entreprises, d&apos;après la base Sirene de l&apos;INSEE), mais restent modifiables.</source>
        <translation>The fields about your structure are filled in from the company directory (API Recherche d&apos;entreprises, built on INSEE&apos;s Sirene database), but you can still change them.</translation>
    </message>
    <message>
        <source>Les champs concernant votre structure sont alimentés avec les données de l&apos;annuaire des entreprises, mais restent modifiables.</source>
        <translation>The fields about your structure are filled in from the company directory, but you can still change them.</translation>
    </message>
    <message>
        <source>SIRET {siret}</source>
        <translation>SIRET {siret}</translation>
    </message>
    <message>
        <source>Adresse de connexion&#xa0;: &lt;b&gt;{email}&lt;/b&gt;&lt;br&gt;Structure&#xa0;: &lt;b&gt;{structure}&lt;/b&gt;</source>
        <translation>Login address: &lt;b&gt;{email}&lt;/b&gt;&lt;br&gt;Structure: &lt;b&gt;{structure}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Chargement de la liste des pays…</source>
        <translation>Loading the list of countries…</translation>
    </message>
    <message>
        <source>L&apos;identifiant de la structure a changé&#xa0;: ces champs ont été remplacés par les données de la nouvelle structure&#xa0;: {fields}.</source>
        <translation>The structure&apos;s identifier has changed: these fields were replaced with the new structure&apos;s data: {fields}.</translation>
    </message>
    <message>
        <source>L&apos;identifiant de la structure a changé&#xa0;: ces champs ont été vidés, saisissez-les pour la nouvelle structure&#xa0;: {fields}.</source>
        <translation>The structure&apos;s identifier has changed: these fields were emptied, fill them in for the new structure: {fields}.</translation>
    </message>
    <message>
        <source>Sans connexion, l&apos;assistant n&apos;a rien pu vérifier&#xa0;: ni l&apos;identifiant de la structure, ni si elle est déjà inscrite sur Chorus Pro, et rien n&apos;est prérempli. Saisissez vos données&#xa0;; le portail les vérifiera.</source>
        <translation>Without a connection, the wizard could check nothing: neither the structure&apos;s identifier nor whether it is already registered on Chorus Pro, and nothing is prefilled. Type your data; the portal will check it.</translation>
    </message>
    <message>
        <source>Sans compte technique Chorus Pro configuré («&#xa0;Paramètres&#xa0;»), l&apos;assistant n&apos;a pas pu vérifier si votre structure est déjà inscrite&#xa0;: si c&apos;est le cas, le portail vous proposera d&apos;y demander votre rattachement.</source>
        <translation>With no Chorus Pro technical account configured (“Settings”), the wizard could not check whether your structure is already registered: if it is, the portal will offer to let you ask to be attached to it.</translation>
    </message>
    <message>
        <source>L&apos;adresse électronique de connexion a changé&#xa0;: ces champs ont été vidés, saisissez-les pour la nouvelle personne&#xa0;: {fields}.</source>
        <translation>The login email address changed: these fields were emptied, fill them in for the new person: {fields}.</translation>
    </message>
    <message>
        <source>⚠ Une partie des données de cette entreprise n&apos;est pas diffusée par l&apos;INSEE&#xa0;: saisissez vous-même {fields}.</source>
        <translation>⚠ INSEE does not publish part of this company&apos;s data: enter {fields} yourself.</translation>
    </message>
    <message>
        <source>la confirmation de la création sur le portail</source>
        <translation>the confirmation that the account was created on the portal</translation>
    </message>
    <message>
        <source>Les deux adresses électroniques ne sont pas identiques.</source>
        <translation>The two email addresses are not the same.</translation>
    </message>
    <message>
        <source>La liste des pays n&apos;a pas pu être chargée&#xa0;; seule la France est proposée. {error}</source>
        <translation>The list of countries could not be loaded; only France is offered. {error}</translation>
    </message>
    <message>
        <source>Création de votre compte et de votre structure…</source>
        <translation>Creating your account and your structure…</translation>
    </message>
    <message>
        <source>{error} Revenez à l&apos;étape précédente&#xa0;: l&apos;assistant vous proposera d&apos;envoyer une demande de rattachement.</source>
        <translation>{error} Go back to the previous step: the wizard will offer to send an attachment request.</translation>
    </message>
</context>
<context>
    <name>ConnectionReportView</name>
    <message>
        <source>À faire&#xa0;: {fix}</source>
        <translation>To do: {fix}</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <source>Affiche ou masque, à côté de la page, les instructions du guide pour cette étape, ce qu&apos;il faut avoir sous la main et les problèmes fréquents (touche F1).</source>
        <extracomment>Step 1&apos;s « Ai-je besoin de Chorus Pro ? »: its answer, a help text of its own.</extracomment>
        <translation>Shows or hides, beside the page, the guide&apos;s instructions for this step, what to have at hand and common problems (F1 key).</translation>
    </message>
    <message>
        <source>Affiche le récapitulatif de l&apos;inscription, à enregistrer en PDF ou à copier&#xa0;; il ne contient aucun mot de passe, réponse ni code.</source>
        <translation>Shows the signup summary, to save as a PDF or copy; it contains no password, answer or code.</translation>
    </message>
    <message>
        <source>Enregistrer le récapitulatif</source>
        <translation>Save the summary</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Exporter un diagnostic</source>
        <translation>Export a diagnostic</translation>
    </message>
    <message>
        <source>Archive zip (*.zip)</source>
        <translation>Zip archive (*.zip)</translation>
    </message>
    <message>
        <source>&amp;Voir dans&#xa0;:</source>
        <extracomment>Two labels of Qt&apos;s own file dialog: since Qt 6 they carry a mnemonic (« &amp;Look in: », « Files of &amp;type: ») that qtbase_fr.qm does not know yet, so they would stay in English.</extracomment>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Fichiers de &amp;type&#xa0;:</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>Récapitulatif enregistré&#xa0;: {path}</source>
        <translation>Summary saved: {path}</translation>
    </message>
    <message>
        <source>Récapitulatif copié dans le presse-papiers.</source>
        <translation>Summary copied to the clipboard.</translation>
    </message>
    <message>
        <source>Diagnostic enregistré&#xa0;: {path}. Transmettez ce fichier au support&#xa0;; il ne contient ni mot de passe, ni réponse, ni code.</source>
        <translation>Diagnostic saved: {path}. Send this file to support; it contains no password, answer or code.</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être enregistré ({reason}). Choisissez un autre dossier.</source>
        <translation>The file could not be saved ({reason}). Choose another folder.</translation>
    </message>
    <message>
        <source>Étape {step} sur {count}&#xa0;: {title}</source>
        <extracomment>Said when a step&apos;s page comes up, before focus lands on its first field.</extracomment>
        <translation>Step {step} of {count}: {title}</translation>
    </message>
    <message>
        <source>Étape {step} sur {count}&#xa0;: {name}. {states}</source>
        <extracomment>The wizard&apos;s buttons, left to right as they are shown (and so in the Tab order). Progress line read by assistive technology (the visible one is the page&apos;s subtitle).</extracomment>
        <translation>Step {step} of {count}: {name}. {states}</translation>
    </message>
    <message>
        <source>terminée</source>
        <translation>done</translation>
    </message>
    <message>
        <source>en cours</source>
        <translation>current</translation>
    </message>
    <message>
        <source>à venir</source>
        <translation>to come</translation>
    </message>
    <message>
        <source>Les préférences d&apos;affichage n&apos;ont pas pu être relues&#xa0;: {why}. Le fichier a été mis de côté ({file}).</source>
        <translation>The display preferences could not be read back: {why}. The file has been set aside ({file}).</translation>
    </message>
    <message>
        <source>Les préférences d&apos;affichage n&apos;ont pas pu être relues&#xa0;: {why}.</source>
        <translation>The display preferences could not be read back: {why}.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Votre compte est désormais actif et vous pouvez dès à présent transmettre vos factures à votre client public.</source>
        <translation>Your account is now active and you can start sending your invoices to your public-sector customer right away.</translation>
    </message>
    <message>
        <source>Facultatif&#xa0;: chorus-wizard peut confier votre mot de passe au trousseau du système (Trousseau d&apos;accès sur macOS, Gestionnaire d&apos;identification sous Windows, trousseau de votre bureau sous Linux), qui le garde chiffré. Il ne l&apos;enregistre nulle part ailleurs.</source>
        <translation>Optional: chorus-wizard can hand your password to the system keychain (Keychain Access on macOS, Credential Manager on Windows, your desktop&apos;s keyring on Linux), which keeps it encrypted. It stores it nowhere else.</translation>
    </message>
    <message>
        <source>Inscription terminée</source>
        <translation>Signup complete</translation>
    </message>
    <message>
        <source>Les quatre étapes sont faites.</source>
        <translation>All four steps are done.</translation>
    </message>
    <message>
        <source>Enregistrer le récapitulatif</source>
        <translation>Save the summary</translation>
    </message>
    <message>
        <source>Copier le récapitulatif</source>
        <translation>Copy the summary</translation>
    </message>
    <message>
        <source>Enregistrer le mot de passe dans le trousseau du système</source>
        <translation>Save the password in the system keychain</translation>
    </message>
    <message>
        <source>Vérifier de nouveau</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Vérification sur Chorus Pro</source>
        <translation>Checking on Chorus Pro</translation>
    </message>
    <message>
        <source>Le passage par le portail est terminé&#xa0;: l&apos;assistant vérifie ce que Chorus Pro en sait.</source>
        <translation>You are done on the portal: the wizard checks what Chorus Pro knows about it.</translation>
    </message>
    <message>
        <source>Votre compte utilisateur ({email}) et votre structure se gèrent sur le portail&#xa0;: {portal}</source>
        <translation>Your user account ({email}) and your structure are managed on the portal: {portal}</translation>
    </message>
    <message>
        <source>Connectez-vous à Chorus Pro avec l&apos;adresse {email} et le mot de passe que vous venez de choisir.</source>
        <translation>Sign in to Chorus Pro with the address {email} and the password you have just chosen.</translation>
    </message>
    <message>
        <source>Recherche du trousseau du système…</source>
        <translation>Looking for the system keychain…</translation>
    </message>
    <message>
        <source>Facturation électronique&#xa0;: ce qui suit pour vous</source>
        <translation>Electronic invoicing: what follows for you</translation>
    </message>
    <message>
        <source>Catégorie de votre entreprise selon l&apos;annuaire&#xa0;: {name}</source>
        <translation>Your company&apos;s category according to the directory: {name}</translation>
    </message>
    <message>
        <source>Consulter l&apos;annuaire sur le portail Chorus Pro</source>
        <translation>Consult the annuaire on the Chorus Pro portal</translation>
    </message>
    <message>
        <source>mode d&apos;emploi de l&apos;annuaire</source>
        <translation>how to use the annuaire</translation>
    </message>
    <message>
        <source>Recherche de votre structure sur Chorus Pro…</source>
        <translation>Looking up your structure on Chorus Pro…</translation>
    </message>
    <message>
        <source>Votre structure «&#xa0;{name}&#xa0;» est bien inscrite sur Chorus Pro (vérifié par l&apos;API). Vous pouvez déposer vos factures depuis le portail.</source>
        <translation>Your structure “{name}” is registered on Chorus Pro (checked through the API). You can submit your invoices from the portal.</translation>
    </message>
    <message>
        <source>Votre structure n&apos;est pas encore visible sur Chorus Pro. Terminez sa création (ou votre demande de rattachement) sur le portail, puis cliquez sur «&#xa0;Vérifier de nouveau&#xa0;».</source>
        <translation>Your structure is not visible on Chorus Pro yet. Finish creating it (or your attachment request) on the portal, then click “Check again”.</translation>
    </message>
    <message>
        <source>L&apos;assistant ne peut pas vérifier votre inscription&#xa0;: aucun compte technique Chorus Pro n&apos;est configuré («&#xa0;Paramètres&#xa0;»). Connectez-vous au portail pour vérifier que votre structure apparaît dans votre compte.</source>
        <translation>The wizard cannot check your signup: no Chorus Pro technical account is configured (“Settings”). Sign in to the portal to check that your structure appears in your account.</translation>
    </message>
    <message>
        <source>Enregistrement dans le trousseau du système…</source>
        <translation>Saving in the system keychain…</translation>
    </message>
    <message>
        <source>Mot de passe enregistré</source>
        <translation>Password saved</translation>
    </message>
    <message>
        <source>Votre mot de passe est enregistré dans le trousseau du système (service «&#xa0;{service}&#xa0;», identifiant {email}).</source>
        <translation>Your password is saved in the system keychain (service “{service}”, user {email}).</translation>
    </message>
</context>
<context>
    <name>ExplainButton</name>
    <message>
        <source>Aide&#xa0;: {name}</source>
        <translation>Help: {name}</translation>
    </message>
    <message>
        <source>Aide sur ce champ</source>
        <extracomment>The field&apos;s own way to its explanation (Qt&apos;s « What&apos;s this? » key).</extracomment>
        <translation>Help on this field</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>Adresse électronique de connexion</source>
        <translation>Login email address</translation>
    </message>
    <message>
        <source>Votre identifiant de connexion&#xa0;; le courriel d&apos;activation y sera envoyé.</source>
        <translation>Your login; the activation email will be sent there.</translation>
    </message>
    <message>
        <source>C&apos;est l&apos;adresse qui vous servira à vous connecter à Chorus Pro, et celle où arrive le courriel d&apos;activation. Choisissez une adresse que vous garderez&#xa0;: si elle appartient à une personne qui quitte l&apos;entreprise, plus personne ne pourra recevoir les courriels du compte ni retrouver l&apos;accès. Une adresse consultée par plusieurs personnes (par exemple comptabilite@votre-entreprise.fr) est un bon choix.</source>
        <translation>This is the address you will use to sign in to Chorus Pro, and the one the activation email goes to. Choose an address you will keep: if it belongs to someone who leaves the company, nobody will be able to receive the account&apos;s emails or recover access. An address read by several people (for example accounts@your-company.fr) is a good choice.</translation>
    </message>
    <message>
        <source>Numéro de SIRET</source>
        <translation>SIRET number</translation>
    </message>
    <message>
        <source>14 chiffres&#xa0;: le SIREN (9 chiffres) suivi du NIC (5 chiffres).</source>
        <translation>14 digits: the SIREN (9 digits) followed by the NIC (5 digits).</translation>
    </message>
    <message>
        <source>Le SIRET identifie un établissement de votre entreprise&#xa0;: 14 chiffres, le SIREN (9 chiffres) suivi du NIC (5 chiffres). Vous le trouverez sur un extrait Kbis, l&apos;avis de situation au répertoire Sirene de l&apos;INSEE, vos factures, ou sur annuaire-entreprises.data.gouv.fr. Chorus Pro n&apos;accepte qu&apos;un établissement actif, connu de l&apos;INSEE&#xa0;: munissez-vous de ce numéro avant la saisie.</source>
        <translation>The SIRET identifies one establishment of your company: 14 digits, the SIREN (9 digits) followed by the NIC (5 digits). You will find it on a Kbis extract, INSEE&apos;s Sirene status notice, your invoices, or on annuaire-entreprises.data.gouv.fr. Chorus Pro only accepts an active establishment known to INSEE: have this number at hand before you start.</translation>
    </message>
    <message>
        <source>Je n&apos;ai pas de numéro de SIRET</source>
        <translation>I have no SIRET number</translation>
    </message>
    <message>
        <source>Structure étrangère, RIDET, TAHITI, particulier ou entreprise en cours d&apos;immatriculation.</source>
        <translation>Foreign structure, RIDET, TAHITI, private individual or company being registered.</translation>
    </message>
    <message>
        <source>Cochez cette case si votre structure n&apos;a pas de SIRET&#xa0;: structure européenne hors France (numéro de TVA intracommunautaire), structure hors Union européenne, structure de Nouvelle-Calédonie (RIDET) ou de Polynésie française (numéro TAHITI), particulier, ou entreprise en cours d&apos;immatriculation. Choisissez ensuite le type d&apos;identifiant.</source>
        <translation>Tick this box if your structure has no SIRET: a European structure outside France (intra-EU VAT number), a structure outside the European Union, a structure in New Caledonia (RIDET) or French Polynesia (TAHITI number), a private individual, or a company being registered. Then choose the identifier type.</translation>
    </message>
    <message>
        <source>Ressaisie de l&apos;adresse électronique</source>
        <translation>Email address, again</translation>
    </message>
    <message>
        <source>Retapez l&apos;adresse de l&apos;étape 1, sans copier-coller, pour éviter une faute de frappe.</source>
        <translation>Type the address from step 1 again, without copy and paste, to avoid a typo.</translation>
    </message>
    <message>
        <source>Le courriel d&apos;activation part à cette adresse&#xa0;: une seule faute de frappe et il n&apos;arrivera jamais. Retapez-la à l&apos;identique de l&apos;étape 1. Elle permet aussi de recevoir les notifications de Chorus Pro.</source>
        <translation>The activation email goes to this address: a single typo and it will never arrive. Type it exactly as in step 1. It also receives Chorus Pro&apos;s notifications.</translation>
    </message>
    <message>
        <source>Raison sociale</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Le nom officiel de l&apos;entreprise, tel qu&apos;il figure au répertoire de l&apos;INSEE.</source>
        <translation>The company&apos;s official name, as listed in the INSEE register.</translation>
    </message>
    <message>
        <source>Le nom officiel (dénomination) de votre entreprise. Il est prérempli avec les données de l&apos;INSEE et reste modifiable. Pour un entrepreneur individuel, c&apos;est en général «&#xa0;Prénom Nom&#xa0;».</source>
        <translation>Your company&apos;s official name (dénomination). It is prefilled from INSEE&apos;s data and you can still change it. For a sole trader, it is usually “First name Last name”.</translation>
    </message>
    <message>
        <source>Libellé de la structure</source>
        <translation>Structure display name</translation>
    </message>
    <message>
        <source>Le nom sous lequel votre structure apparaîtra dans Chorus Pro et auprès de vos clients publics, s&apos;il diffère de la raison sociale&#xa0;: enseigne, nom commercial, nom de l&apos;établissement. Ce champ est facultatif.</source>
        <translation>The name under which your structure will appear in Chorus Pro and to your public-sector customers, if it differs from the company name: sign, trading name, establishment name. This field is optional.</translation>
    </message>
    <message>
        <source>Déposer des demandes de paiement</source>
        <translation>Submit payment requests</translation>
    </message>
    <message>
        <source>Cochée par défaut&#xa0;: elle vous permet de transmettre vos factures.</source>
        <translation>Ticked by default: it lets you send your invoices.</translation>
    </message>
    <message>
        <source>La fonctionnalité «&#xa0;Déposer des demandes de paiement&#xa0;» est cochée par défaut. Elle vous permet de transmettre vos factures à vos clients publics. Laissez-la cochée si vous venez sur Chorus Pro pour facturer.</source>
        <translation>The “Submit payment requests” feature is ticked by default. It lets you send your invoices to your public-sector customers. Leave it ticked if you are coming to Chorus Pro to invoice.</translation>
    </message>
    <message>
        <source>Créer et/ou consulter des DUME</source>
        <translation>Create and/or view ESPDs (DUME)</translation>
    </message>
    <message>
        <source>Réservée aux éditeurs de profils d&apos;acheteurs&#xa0;: inutile pour facturer.</source>
        <translation>Only for publishers of buyer profiles: not needed to invoice.</translation>
    </message>
    <message>
        <source>Le DUME (document unique de marché européen) est une déclaration utilisée dans les marchés publics. Cette fonctionnalité permet aux éditeurs informatiques de «&#xa0;profils d&apos;acheteurs&#xa0;» (qui gèrent des places de marchés publics en ligne) de se raccorder au service DUME par API. Si vous n&apos;êtes pas un profil d&apos;acheteur, cocher cette case est inutile.</source>
        <translation>The DUME (European Single Procurement Document) is a declaration used in public procurement. This feature lets software publishers of “buyer profiles” (who run online public-procurement platforms) connect to the DUME service through the API. If you are not a buyer profile, there is no point ticking this box.</translation>
    </message>
    <message>
        <source>Espaces de travail</source>
        <translation>Workspaces</translation>
    </message>
    <message>
        <source>Chaque espace ouvre une partie de Chorus Pro&#xa0;; OUI pour l&apos;ouvrir, NON pour le fermer.</source>
        <translation>Each workspace opens a part of Chorus Pro; YES to open it, NO to close it.</translation>
    </message>
    <message>
        <source>Les espaces de travail vous donnent accès aux fonctionnalités de Chorus Pro dont vous avez besoin. «&#xa0;Factures émises&#xa0;» (déposer et suivre vos factures) et «&#xa0;Sollicitations émises&#xa0;» (poser une question à vos clients publics ou au support) sont ouverts par défaut et suffisent pour facturer. Ne rien savoir n&apos;est pas grave&#xa0;: vous pourrez ouvrir ou fermer des espaces plus tard, selon vos besoins.</source>
        <translation>Workspaces give you access to the Chorus Pro features you need. “Invoices sent” (submit and follow your invoices) and “Requests sent” (ask your public-sector customers or support a question) are open by default and are enough to invoice. Not knowing is fine: you can open or close workspaces later, as you need.</translation>
    </message>
    <message>
        <source>Lien ou code d&apos;activation</source>
        <translation>Activation link or code</translation>
    </message>
    <message>
        <source>Collez le lien du courriel d&apos;activation (valable 60 minutes).</source>
        <translation>Paste the link from the activation email (valid for 60 minutes).</translation>
    </message>
    <message>
        <source>Le courriel d&apos;activation contient un lien valable 60 minutes. Copiez-le en entier et collez-le ici (le code seul convient aussi). Courriel introuvable&#xa0;? Regardez dans les indésirables, puis cliquez sur «&#xa0;Renvoyer le courriel&#xa0;»&#xa0;: seul le lien du dernier courriel reçu est valable.</source>
        <translation>The activation email contains a link valid for 60 minutes. Copy all of it and paste it here (just the code works too). Can&apos;t find the email? Look in your junk mail, then click “Resend the email”: only the link in the latest email received is valid.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Choisissez un mot de passe qui respecte toutes les règles affichées.</source>
        <translation>Choose a password that meets every rule shown.</translation>
    </message>
    <message>
        <source>Les règles affichées sous le champ sont celles que le serveur vérifie&#xa0;; elles se cochent au fur et à mesure. Après cinq tentatives de connexion manquées, le compte est bloqué pendant une heure. Le mot de passe n&apos;est jamais enregistré par l&apos;assistant, sauf dans le trousseau du système si vous le demandez à la fin.</source>
        <translation>The rules shown under the field are the ones the server checks; they are ticked as you type. After five failed sign-in attempts, the account is blocked for one hour. The wizard never stores the password, except in the system keychain if you ask for it at the end.</translation>
    </message>
    <message>
        <source>Question secrète</source>
        <translation>Secret question</translation>
    </message>
    <message>
        <source>Elle vous permettra de récupérer votre mot de passe en cas d&apos;oubli.</source>
        <translation>It will let you recover your password if you forget it.</translation>
    </message>
    <message>
        <source>La question secrète vous permettra de récupérer votre mot de passe en cas d&apos;oubli. Choisissez une question dont vous seul connaissez la réponse, et dont la réponse ne changera pas avec le temps.</source>
        <translation>The secret question will let you recover your password if you forget it. Choose a question only you know the answer to, and whose answer will not change over time.</translation>
    </message>
    <message>
        <source>Réponse à la question secrète</source>
        <translation>Answer to the secret question</translation>
    </message>
    <message>
        <source>Ni les majuscules ni les accents ne comptent.</source>
        <translation>Capital letters and accents do not count.</translation>
    </message>
    <message>
        <source>La réponse ne tient compte ni des majuscules ni des accents. Gardez-la pour vous&#xa0;: elle n&apos;apparaît ni dans le récapitulatif ni dans le diagnostic.</source>
        <translation>The answer ignores capital letters and accents. Keep it to yourself: it appears neither in the summary nor in the diagnostic.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>&#xa0;; </source>
        <extracomment>The text, and whether it was assertive.</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>Champ obligatoire</source>
        <translation>Required field</translation>
    </message>
</context>
<context>
    <name>HandoffPanel</name>
    <message>
        <source>Mode portail&#xa0;: la création se fait sur {host}&#xa0;; l&apos;assistant prépare vos données et vous y guide.</source>
        <extracomment>What the person typed: the record the draft file keeps and the account is made of. code → label of the workspace catalogue, as loaded by step 3.</extracomment>
        <translation>Portal mode: the account is created on {host}; the wizard prepares your data and guides you there.</translation>
    </message>
    <message>
        <source>Ouvrir le portail Chorus Pro</source>
        <extracomment>Opens a URL in the user&apos;s browser; True when the desktop accepted it. The user ticked (or unticked) the confirmation that it is done on the portal.</extracomment>
        <translation>Open the Chorus Pro portal</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vos valeurs, prêtes à copier&lt;/b&gt;</source>
        <translation>&lt;b&gt;Your values, ready to copy&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Copier</source>
        <extracomment>label → the read-only field showing it, in display order.</extracomment>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copier&#xa0;: {label}</source>
        <translation>Copy: {label}</translation>
    </message>
    <message>
        <source>✔ «&#xa0;{label}&#xa0;» copié dans le presse-papiers.</source>
        <translation>✔ “{label}” copied to the clipboard.</translation>
    </message>
    <message>
        <source>Le navigateur n&apos;a pas pu être ouvert&#xa0;: copiez l&apos;adresse du portail ci-dessus dans votre navigateur.</source>
        <translation>The browser could not be opened: copy the portal&apos;s address above into your browser.</translation>
    </message>
    <message>
        <source>Le portail s&apos;ouvre dans votre navigateur.</source>
        <translation>The portal is opening in your browser.</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>Aide</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Aide de l&apos;étape</source>
        <translation>Help for this step</translation>
    </message>
    <message>
        <source>Exporter un diagnostic</source>
        <translation>Export a diagnostic</translation>
    </message>
    <message>
        <source>Enregistre un fichier zip pour le support&#xa0;: versions, serveur utilisé, derniers messages d&apos;erreur et journal, sans aucun mot de passe, réponse ni code.</source>
        <translation>Saves a zip file for support: versions, server in use, latest error messages and log, without any password, answer or code.</translation>
    </message>
    <message>
        <source>Fermer l&apos;aide</source>
        <translation>Close the help</translation>
    </message>
    <message>
        <source>Ferme l&apos;aide et revient à la page (touche Échap ou F1).</source>
        <translation>Closes the help and goes back to the page (Escape or F1 key).</translation>
    </message>
    <message>
        <source>Aucune aide n&apos;est disponible pour cette page.</source>
        <translation>No help is available for this page.</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <source>Saisissez votre adresse électronique.</source>
        <translation>Enter your email address.</translation>
    </message>
    <message>
        <source>Il manque le caractère «&#xa0;@&#xa0;» (par exemple prenom.nom@entreprise.fr).</source>
        <translation>The “@” character is missing (for example firstname.lastname@company.fr).</translation>
    </message>
    <message>
        <source>Il manque la partie avant «&#xa0;@&#xa0;».</source>
        <translation>The part before “@” is missing.</translation>
    </message>
    <message>
        <source>Le nom de domaine après «&#xa0;@&#xa0;» est incomplet (par exemple entreprise.fr).</source>
        <translation>The domain name after “@” is incomplete (for example company.fr).</translation>
    </message>
    <message>
        <source>Cette adresse électronique n&apos;est pas valide&#xa0;: vérifiez-la caractère par caractère.</source>
        <translation>This email address is not valid: check it character by character.</translation>
    </message>
    <message>
        <source>Identifiez-vous</source>
        <translation>Identify yourself</translation>
    </message>
    <message>
        <source>Mon entreprise est en cours d&apos;i&amp;mmatriculation</source>
        <translation>My company is being registered (i&amp;mmatriculation pending)</translation>
    </message>
    <message>
        <source>{count} chiffres sur 14</source>
        <translation>{count} digits of 14</translation>
    </message>
    <message>
        <source>Vous êtes nouveau sur Chorus Pro&#xa0;? Saisissez votre adresse électronique de connexion et le numéro de SIRET de votre entreprise (munissez-vous de ce numéro avant la saisie).</source>
        <extracomment>What was typed for each identifier type: a SIRET is never read as another type&apos;s identifier, and comes back when « Je n&apos;ai pas de numéro de SIRET » is unticked.</extracomment>
        <translation>New to Chorus Pro? Enter your login email address and your company&apos;s SIRET number (have this number at hand before you start).</translation>
    </message>
    <message>
        <source>prenom.nom@entreprise.fr</source>
        <extracomment>The banner says what the lookup answered about the identifier typed then. The page&apos;s first words: they follow the no-SIRET toggle.</extracomment>
        <translation>firstname.lastname@company.com</translation>
    </message>
    <message>
        <source>Je n&apos;ai pas de numéro de SIRET</source>
        <extracomment>While a SIRET is typed: « 13 chiffres sur 14 », quietly (no error colour).</extracomment>
        <translation>I have no SIRET number</translation>
    </message>
    <message>
        <source>Type d&apos;identifiant</source>
        <translation>Identifier type</translation>
    </message>
    <message>
        <source>Un courriel d&apos;activation vous sera envoyé à cette adresse. C&apos;est elle qui vous servira à accéder à votre compte utilisateur sur Chorus Pro&#xa0;: choisissez une adresse que vous garderez.</source>
        <translation>An activation email will be sent to this address. It is the one you will use to sign in to your Chorus Pro user account: choose an address you will keep.</translation>
    </message>
    <message>
        <source>Adresse électronique de connexion</source>
        <translation>Login email address</translation>
    </message>
    <message>
        <source>Je ne connais pas mon SIRE&amp;T…</source>
        <translation>I don&apos;t know my SIRE&amp;T…</translation>
    </message>
    <message>
        <source>Je ne connais pas mon SIRET&#xa0;: rechercher mon entreprise par son nom</source>
        <translation>I don&apos;t know my SIRET: find my company by its name</translation>
    </message>
    <message>
        <source>Ai-je besoin de Chorus Pro&#xa0;?</source>
        <translation>Do I need Chorus Pro?</translation>
    </message>
    <message>
        <source>Ouvre la réponse dans l&apos;aide, à côté de la page.</source>
        <translation>Opens the answer in the help, beside the page.</translation>
    </message>
    <message>
        <source>J&apos;ai &amp;déjà commencé mon inscription</source>
        <extracomment>Started earlier (elsewhere, or before « Recommencer »): a new activation mail to the address typed, then step 4. The portal has its own way: not in portal mode.</extracomment>
        <translation>I have &amp;already started my signup</translation>
    </message>
    <message>
        <source>Envoie un nouveau courriel d&apos;activation à l&apos;adresse saisie et passe à l&apos;étape 4.</source>
        <translation>Sends a new activation email to the address typed and goes to step 4.</translation>
    </message>
    <message>
        <source>Continuer sans &amp;vérification</source>
        <extracomment>Portal mode without a network: go on, typing the structure by hand (the portal checks it), rather than a dead end with « Réessayer » only.</extracomment>
        <translation>Continue &amp;without checking</translation>
    </message>
    <message>
        <source>Vous êtes nouveau sur Chorus Pro&#xa0;? Saisissez votre adresse électronique de connexion, choisissez le cas de votre structure, puis son identifiant.</source>
        <translation>New to Chorus Pro? Type your login email address, choose your structure&apos;s case, then its identifier.</translation>
    </message>
    <message>
        <source>Envoi d&apos;un nouveau courriel d&apos;activation…</source>
        <translation>Sending a new activation email…</translation>
    </message>
    <message>
        <source>Si un compte attend son activation pour {email}, un nouveau courriel d&apos;activation vient d&apos;y être envoyé&#xa0;: collez son lien ci-dessous (seul le lien du dernier courriel est valable). Sinon, revenez à l&apos;étape 1 et commencez votre inscription.</source>
        <translation>If an account awaits activation for {email}, a new activation email has just been sent there: paste its link below (only the last email&apos;s link is valid). Otherwise, go back to step 1 and start your signup.</translation>
    </message>
    <message>
        <source>Recherche de votre structure…</source>
        <translation>Looking up your structure…</translation>
    </message>
    <message>
        <source>Ce numéro de SIRET est inconnu de l&apos;INSEE. Chorus Pro exige un SIRET existant et actif&#xa0;: vérifiez-le sur un avis de situation ou un extrait Kbis. Si votre entreprise est en cours d&apos;immatriculation, cochez «&#xa0;Je n&apos;ai pas de numéro de SIRET&#xa0;» puis choisissez «&#xa0;En cours d&apos;immatriculation&#xa0;».</source>
        <translation>INSEE does not know this SIRET number. Chorus Pro requires an existing, active SIRET: check it on a status notice (avis de situation) or a Kbis extract. If your company is being registered, tick “I have no SIRET number” and choose “Being registered”.</translation>
    </message>
    <message>
        <source>{reason} Chorus Pro n&apos;accepte que les structures en activité&#xa0;: aucun autre SIRET de cette entreprise ne conviendra. Si une nouvelle entreprise a repris l&apos;activité, saisissez le SIRET de celle-ci.</source>
        <translation>{reason} Chorus Pro only accepts structures that are trading: no other SIRET of this company will do. If a new company took the business over, type its SIRET.</translation>
    </message>
    <message>
        <source>{reason} Chorus Pro n&apos;accepte que les établissements actifs&#xa0;: saisissez le SIRET d&apos;un établissement ouvert de votre entreprise (par exemple celui du siège).</source>
        <translation>{reason} Chorus Pro only accepts active establishments: enter the SIRET of an open establishment of your company (for example the head office&apos;s).</translation>
    </message>
</context>
<context>
    <name>MailViewer</name>
    <message>
        <source>janvier</source>
        <translation>January</translation>
    </message>
    <message>
        <source>février</source>
        <translation>February</translation>
    </message>
    <message>
        <source>mars</source>
        <translation>March</translation>
    </message>
    <message>
        <source>avril</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mai</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juin</source>
        <translation>June</translation>
    </message>
    <message>
        <source>juillet</source>
        <translation>July</translation>
    </message>
    <message>
        <source>août</source>
        <translation>August</translation>
    </message>
    <message>
        <source>septembre</source>
        <translation>September</translation>
    </message>
    <message>
        <source>octobre</source>
        <translation>October</translation>
    </message>
    <message>
        <source>novembre</source>
        <translation>November</translation>
    </message>
    <message>
        <source>décembre</source>
        <translation>December</translation>
    </message>
    <message>
        <source>1er</source>
        <translation>1</translation>
    </message>
    <message>
        <source>{day} {month} {year} à {hour}&#xa0;h&#xa0;{minute}</source>
        <translation>{day} {month} {year} at {hour}:{minute}</translation>
    </message>
    <message>
        <source>Courriel reçu</source>
        <translation>Email received</translation>
    </message>
    <message>
        <source>&lt;b&gt;De&#xa0;:&lt;/b&gt; {sender}&lt;br&gt;&lt;b&gt;Objet&#xa0;:&lt;/b&gt; {subject}&lt;br&gt;&lt;b&gt;Date&#xa0;:&lt;/b&gt; {date}</source>
        <translation>&lt;b&gt;From:&lt;/b&gt; {sender}&lt;br&gt;&lt;b&gt;Subject:&lt;/b&gt; {subject}&lt;br&gt;&lt;b&gt;Date:&lt;/b&gt; {date}</translation>
    </message>
    <message>
        <source>Contenu du courriel</source>
        <translation>Email content</translation>
    </message>
    <message>
        <source>&amp;Utiliser ce code</source>
        <translation>&amp;Use this code</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Identifiez-vous</source>
        <extracomment>The help panel&apos;s and the recap&apos;s buttons of the wizard&apos;s row (wired by the help desk), in place from the first paint on. The guide&apos;s four steps, for the progress line at the top of each page.</extracomment>
        <translation>Identify yourself</translation>
    </message>
    <message>
        <source>Complétez</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Espaces de travail</source>
        <translation>Workspaces</translation>
    </message>
    <message>
        <source>Activez</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Une erreur inattendue est survenue. Vos saisies sont conservées&#xa0;; réessayez, et si le problème persiste, contactez le support.</source>
        <extracomment>The company directory that prefills step 2 (``sandbox``, ``recherche-entreprises``, ``insee``; &quot;&quot; when not said), named on that page. ``guide`` (the guide&apos;s four steps) or ``portail-actuel`` (today&apos;s portal rehearsed). The password just chosen, kept in memory only, from the activation until the final page has offered to store it in the keychain; never in the draft (which may be saved to disk). Emptied once stored and when the wizard closes. Opens the portal in the browser (tests inject a recorder: no browser in tests). The Paramètres file. Every secret: the Paramètres&apos;, the signup token, the saved password (keychain.py). ``--backend`` as given on the command line (&quot;&quot; when it came from the Paramètres). What « parcours du portail actuel » carries from page to page, in memory only (``ui/pages/today.py``, made at its first use).</extracomment>
        <translation>An unexpected error occurred. What you entered is kept; try again, and if the problem persists, contact support.</translation>
    </message>
    <message>
        <source>Pour continuer, complétez ou corrigez&#xa0;: {fields}.</source>
        <extracomment>Why « Suivant » is greyed out; {fields} lists the fields still to fill in.
----------
The record&apos;s text fields typed on this page, one line edit each (the country is a list). The fields with a « ? » beside them (ui/field_help.py says what it tells). Default country for identifiers that imply one. Why « Valider » is greyed out; {fields} lists the fields still empty or invalid.</extracomment>
        <translation>To continue, complete or correct: {fields}.</translation>
    </message>
    <message>
        <source>Réessayer</source>
        <extracomment>Something the user typed or chose changed (the draft is saved a moment later).</extracomment>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Mode portail</source>
        <extracomment>« Mode portail… » on every page when the backend cannot create accounts.</extracomment>
        <translation>Portal mode</translation>
    </message>
    <message>
        <source>Répétition</source>
        <translation>Rehearsal</translation>
    </message>
    <message>
        <source>Étape {step} sur 4 — {steps}</source>
        <extracomment>Why « Suivant » is greyed out, always in view (outside the scrolling) while it is.</extracomment>
        <translation>Step {step} of 4 — {steps}</translation>
    </message>
    <message>
        <source>Pour valider, saisissez&#xa0;: {fields}.</source>
        <translation>To confirm, enter: {fields}.</translation>
    </message>
</context>
<context>
    <name>PasswordInput</name>
    <message>
        <source>Afficher le mot de passe</source>
        <translation>Show the password</translation>
    </message>
    <message>
        <source>Robustesse du mot de passe</source>
        <translation>Password strength</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <extracomment>What was last said of the rules and strength (announced when it changes).</extracomment>
        <translation>Password</translation>
    </message>
    <message>
        <source>Confirmation du mot de passe</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <source>Affic&amp;her</source>
        <extracomment>A rule before anything is typed: neither met nor broken yet. A rule the typed password breaks. The strength shown while a rule is broken, at most (« faible »): the meter never praises a password the service would refuse. Bar and text colour for zxcvbn&apos;s scores 0 to 4.</extracomment>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <source>Masq&amp;uer</source>
        <translation>Hid&amp;e</translation>
    </message>
    <message>
        <source>Masquer le mot de passe</source>
        <translation>Hide the password</translation>
    </message>
    <message>
        <source>La confirmation ne correspond pas au mot de passe.</source>
        <translation>The confirmation does not match the password.</translation>
    </message>
    <message>
        <source>Règles à respecter&#xa0;: {rules}.</source>
        <translation>Rules to meet: {rules}.</translation>
    </message>
    <message>
        <source>Règles non respectées&#xa0;: {rules}.</source>
        <translation>Rules not met: {rules}.</translation>
    </message>
    <message>
        <source>Toutes les règles du mot de passe sont respectées.</source>
        <translation>Every password rule is met.</translation>
    </message>
    <message>
        <source>{rule}&#xa0;: à respecter</source>
        <translation>{rule}: to meet</translation>
    </message>
    <message>
        <source>{rule}&#xa0;: respecté</source>
        <translation>{rule}: met</translation>
    </message>
    <message>
        <source>{rule}&#xa0;: non respecté</source>
        <translation>{rule}: not met</translation>
    </message>
    <message>
        <source>Robustesse&#xa0;: —</source>
        <translation>Strength: —</translation>
    </message>
    <message>
        <source>non évaluée</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>insuffisante, une règle n&apos;est pas respectée</source>
        <translation>insufficient, a rule is not met</translation>
    </message>
    <message>
        <source>Robustesse&#xa0;: {strength}</source>
        <translation>Strength: {strength}</translation>
    </message>
</context>
<context>
    <name>PortalActivatePage</name>
    <message>
        <source>Activez votre compte sur le portail Chorus Pro</source>
        <translation>Activate your account on the Chorus Pro portal</translation>
    </message>
    <message>
        <source>Le courriel d&apos;activation est arrivé</source>
        <translation>The activation email has arrived</translation>
    </message>
    <message>
        <source>Adresse électronique</source>
        <extracomment>The last panel: the workspaces, and the confirmation that all is done there.</extracomment>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Espaces à ouvrir</source>
        <translation>Workspaces to open</translation>
    </message>
    <message>
        <source>Un nouveau courriel est arrivé</source>
        <translation>A new email has arrived</translation>
    </message>
    <message>
        <source>Ce lien a sans doute expiré (plus de 60 minutes depuis son arrivée)&#xa0;: demandez un nouveau lien sur le portail, puis cliquez sur «&#xa0;Un nouveau courriel est arrivé&#xa0;» dès qu&apos;il est là.</source>
        <translation>This link has probably expired (more than 60 minutes since it arrived): ask the portal for a new link, then click “A new email has arrived” as soon as it is there.</translation>
    </message>
    <message>
        <source>Ouvrez le lien avant {time} environ (60 minutes après son envoi). {left}</source>
        <translation>Open the link before about {time} (60 minutes after it was sent). {left}</translation>
    </message>
</context>
<context>
    <name>RecapDialog</name>
    <message>
        <source>Récapitulatif de l&apos;inscription</source>
        <translation>Signup summary</translation>
    </message>
    <message>
        <source>Enregistrer le récapitulatif</source>
        <translation>Save the summary</translation>
    </message>
    <message>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Récapitulatif</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Copier le récapitulatif</source>
        <translation>Copy the summary</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <source>R&amp;eprendre</source>
        <translation>R&amp;esume</translation>
    </message>
    <message>
        <source>Re&amp;commencer</source>
        <translation>Start a&amp;gain</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Bac à sable intégré (aucune donnée n&apos;est envoyée à Chorus Pro)</source>
        <extracomment>Combo entries: value, label.</extracomment>
        <translation>Built-in sandbox (no data is sent to Chorus Pro)</translation>
    </message>
    <message>
        <source>Chorus Pro — qualification (environnement de test de l&apos;AIFE)</source>
        <translation>Chorus Pro — qualification (AIFE&apos;s test environment)</translation>
    </message>
    <message>
        <source>Chorus Pro — production</source>
        <translation>Chorus Pro — production</translation>
    </message>
    <message>
        <source>Bac à sable distant (salle de formation), à l&apos;adresse&#xa0;:</source>
        <translation>Remote sandbox (training room), at the address:</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Serveur utilisé en ce moment&#xa0;: &lt;b&gt;{server}&lt;/b&gt; — mode portail (la création se fait sur {portal}).</source>
        <translation>Server in use now: &lt;b&gt;{server}&lt;/b&gt; — portal mode (the account is created on {portal}).</translation>
    </message>
    <message>
        <source>Serveur utilisé en ce moment&#xa0;: &lt;b&gt;{server}&lt;/b&gt;.</source>
        <translation>Server in use now: &lt;b&gt;{server}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Serveur Chorus Pro</source>
        <translation>Chorus Pro server</translation>
    </message>
    <message>
        <source>Adresse du bac à sable distant</source>
        <translation>Address of the remote sandbox</translation>
    </message>
    <message>
        <source>Langue de l&apos;interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>La langue choisie s&apos;applique au prochain démarrage de l&apos;assistant. L&apos;option --lang de la ligne de commande l&apos;emporte sur ce choix.</source>
        <translation>The chosen language applies from the next start of the wizard. The --lang command-line option takes precedence over this choice.</translation>
    </message>
    <message>
        <source>Parcours de la répétition</source>
        <translation>Rehearsal path</translation>
    </message>
    <message>
        <source>Parcours</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Seulement avec un bac à sable (intégré ou salle de formation)&#xa0;: avec Chorus Pro, l&apos;assistant suit le portail. Le choix s&apos;applique au prochain démarrage&#xa0;; l&apos;option --parcours de la ligne de commande l&apos;emporte.</source>
        <translation>Only with a sandbox (embedded or training room): with Chorus Pro, the wizard follows the portal. The choice applies from the next start; the --parcours command-line option overrides it.</translation>
    </message>
    <message>
        <source>Application PISTE et compte technique Chorus Pro</source>
        <translation>PISTE application and Chorus Pro technical account</translation>
    </message>
    <message>
        <source>Identifiant client PISTE</source>
        <translation>PISTE client ID</translation>
    </message>
    <message>
        <source>Secret client PISTE</source>
        <translation>PISTE client secret</translation>
    </message>
    <message>
        <source>Login du compte technique</source>
        <translation>Technical account login</translation>
    </message>
    <message>
        <source>Mot de passe du compte technique</source>
        <translation>Technical account password</translation>
    </message>
    <message>
        <source>Je connais la date d&apos;expiration de ce mot de passe&#xa0;:</source>
        <translation>I know when this password expires:</translation>
    </message>
    <message>
        <source>Date d&apos;expiration du mot de passe du compte technique</source>
        <translation>Expiry date of the technical account&apos;s password</translation>
    </message>
    <message>
        <source>Annuaire INSEE (facultatif)</source>
        <translation>INSEE directory (optional)</translation>
    </message>
    <message>
        <source>Clé de l&apos;API Sirene (portail-api.insee.fr), utilisée quand l&apos;assistant est lancé avec --directory insee.</source>
        <translation>Key for the Sirene API (portail-api.insee.fr), used when the wizard is started with --directory insee.</translation>
    </message>
    <message>
        <source>Clé d&apos;API INSEE</source>
        <translation>INSEE API key</translation>
    </message>
    <message>
        <source>Tester la connexion</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <source>Vérifie, avec les valeurs saisies ci-dessus (avant de les enregistrer)&#xa0;: le jeton PISTE, la disponibilité de l&apos;API, les rattachements du compte technique, puis la recherche d&apos;une structure.</source>
        <translation>Checks, with the values entered above (before saving them): the PISTE token, the API&apos;s availability, the technical account&apos;s attachments, then a structure search.</translation>
    </message>
    <message>
        <source>SIRET à rechercher (par défaut {siret})</source>
        <translation>SIRET to look up (default {siret})</translation>
    </message>
    <message>
        <source>SIRET à rechercher</source>
        <translation>SIRET to look up</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <extracomment>The banner holds the last test&apos;s verdict (it goes when the values tested change).</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Celui de la salle de formation, sinon les quatre étapes du guide</source>
        <extracomment>Each language in its own name, as language pickers show them. The rehearsal&apos;s paths: value (``settings.json``, ``--parcours``), label.</extracomment>
        <translation>The training room&apos;s, otherwise the guide&apos;s four steps</translation>
    </message>
    <message>
        <source>Les quatre étapes du guide</source>
        <translation>The guide&apos;s four steps</translation>
    </message>
    <message>
        <source>Le portail actuel (compte d&apos;abord, double authentification)</source>
        <translation>Today&apos;s portal (account first, two-factor authentication)</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lecture des paramètres…</source>
        <translation>Reading the settings…</translation>
    </message>
    <message>
        <source>Les secrets (secret client, mot de passe du compte technique, clé INSEE) sont enregistrés dans le trousseau du système, jamais dans un fichier.</source>
        <translation>Secrets (client secret, technical account password, INSEE key) are stored in the system keychain, never in a file.</translation>
    </message>
    <message>
        <source>Enregistré dans le trousseau (laisser vide pour le garder)</source>
        <translation>Stored in the keychain (leave empty to keep it)</translation>
    </message>
    <message>
        <source>Gardé pour cette session (laisser vide pour le garder)</source>
        <translation>Kept for this session (leave empty to keep it)</translation>
    </message>
    <message>
        <source>Le bac à sable utilise ses propres identifiants de test, publics&#xa0;: rien à saisir ici.</source>
        <translation>The sandbox uses its own public test credentials: nothing to enter here.</translation>
    </message>
    <message>
        <source>Créez l&apos;application sur piste.gouv.fr (identifiant et secret client) et le compte technique sur le portail Chorus Pro (espace «&#xa0;Raccordements EDI/API&#xa0;»). Sans eux, l&apos;assistant prépare tout mais ne peut pas interroger Chorus Pro.</source>
        <translation>Create the application on piste.gouv.fr (client ID and secret) and the technical account on the Chorus Pro portal (“Raccordements EDI/API” area). Without them, the wizard prepares everything but cannot query Chorus Pro.</translation>
    </message>
    <message>
        <source>L&apos;assistant a été lancé avec --backend {option}&#xa0;: cette option l&apos;emporte sur le choix enregistré ici tant qu&apos;elle est donnée.</source>
        <translation>The wizard was started with --backend {option}: as long as it is given, this option takes precedence over the choice saved here.</translation>
    </message>
    <message>
        <source>Le serveur choisi sera utilisé au prochain démarrage de l&apos;assistant&#xa0;: l&apos;inscription en cours continue sur le serveur actuel.</source>
        <translation>The chosen server will be used from the next start of the wizard: the signup in progress continues on the current server.</translation>
    </message>
    <message>
        <source>Les identifiants enregistrés servent dès la prochaine demande à Chorus Pro.</source>
        <translation>The saved credentials are used from the next request to Chorus Pro.</translation>
    </message>
    <message>
        <source>Le mot de passe d&apos;un compte technique expire au bout de {days} jours. Indiquez sa date d&apos;expiration (affichée sur le portail) pour que l&apos;assistant vous le rappelle.</source>
        <translation>A technical account&apos;s password expires after {days} days. Enter its expiry date (shown on the portal) so that the wizard can remind you.</translation>
    </message>
    <message>
        <source>Le bac à sable intégré ne fonctionne pas en ce moment&#xa0;: il démarrera avec l&apos;assistant une fois ce choix enregistré et l&apos;assistant relancé.</source>
        <translation>The built-in sandbox is not running at the moment: it will start with the wizard once this choice is saved and the wizard restarted.</translation>
    </message>
    <message>
        <source>Saisissez l&apos;adresse du bac à sable distant (http://… ou https://…).</source>
        <translation>Enter the address of the remote sandbox (http://… or https://…).</translation>
    </message>
    <message>
        <source>SIRET à rechercher&#xa0;: {reason}</source>
        <translation>SIRET to look up: {reason}</translation>
    </message>
    <message>
        <source>Test de la connexion à Chorus Pro…</source>
        <translation>Testing the connection to Chorus Pro…</translation>
    </message>
    <message>
        <source>Identifiants incomplets&#xa0;: saisissez l&apos;identifiant et le secret client PISTE, le login et le mot de passe du compte technique.</source>
        <translation>Incomplete credentials: enter the PISTE client ID and secret, and the technical account&apos;s login and password.</translation>
    </message>
    <message>
        <source>La connexion à Chorus Pro fonctionne.</source>
        <translation>The connection to Chorus Pro works.</translation>
    </message>
    <message>
        <source>La connexion à Chorus Pro ne fonctionne pas encore&#xa0;: voir ci-dessus.</source>
        <translation>The connection to Chorus Pro does not work yet: see above.</translation>
    </message>
    <message>
        <source>Le bac à sable répond&#xa0;: vous pouvez vous y exercer. Ce test ne dit rien de Chorus Pro (choisissez Production pour tester le vrai service).</source>
        <translation>The sandbox answers: you can practise on it. This test says nothing about Chorus Pro (choose Production to test the real service).</translation>
    </message>
    <message>
        <source>Le bac à sable ne répond pas comme prévu&#xa0;: voir ci-dessus.</source>
        <translation>The sandbox does not answer as expected: see above.</translation>
    </message>
    <message>
        <source>Enregistrement des paramètres…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignupWizard</name>
    <message>
        <source>Inscription à Chorus Pro — bac à sable (aucune donnée n&apos;est envoyée à Chorus Pro)</source>
        <translation>Signing up to Chorus Pro — sandbox (no data is sent to Chorus Pro)</translation>
    </message>
    <message>
        <source>Inscription à Chorus Pro — {server}</source>
        <translation>Signing up to Chorus Pro — {server}</translation>
    </message>
    <message>
        <source>Paramètres…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>À propos de chorus-wizard</source>
        <translation>About chorus-wizard</translation>
    </message>
    <message>
        <source>Plus&#xa0;: paramètres, à propos</source>
        <translation>More: settings, about</translation>
    </message>
    <message>
        <source>&amp;Précédent</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Valider</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <source>&amp;Terminer</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>P&amp;lus</source>
        <translation>&amp;More</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Récapitulatif</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>Inscription à Chorus Pro — salle «&#xa0;{room}&#xa0;» (bac à sable, aucune donnée n&apos;est envoyée à Chorus Pro)</source>
        <translation>Signing up to Chorus Pro — room “{room}” (sandbox, no data is sent to Chorus Pro)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;chorus-wizard&lt;/b&gt; — version {version}&lt;/p&gt;&lt;p&gt;Assistant de création de compte Chorus Pro pour les petites entreprises, en quatre étapes.&lt;/p&gt;&lt;p&gt;Serveur utilisé&#xa0;: {server}&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence MIT.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;chorus-wizard&lt;/b&gt; — version {version}&lt;/p&gt;&lt;p&gt;A four-step wizard that creates a Chorus Pro account for small businesses.&lt;/p&gt;&lt;p&gt;Server in use: {server}&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ce compte est déjà activé&#xa0;: ce lien n&apos;est plus utile.</source>
        <translation>This account is already activated: this link is no longer needed.</translation>
    </message>
    <message>
        <source>Ce lien d&apos;activation concerne une inscription commencée ailleurs (une autre fenêtre de l&apos;assistant, un autre poste ou le portail Chorus Pro)&#xa0;: il ne peut pas servir ici. Ouvrez-le depuis l&apos;assistant où vous avez créé le compte, ou terminez votre inscription ici&#xa0;: un nouveau courriel vous sera envoyé.</source>
        <translation>This activation link belongs to a signup started elsewhere (another wizard window, another computer or the Chorus Pro portal): it cannot be used here. Open it from the wizard where you created the account, or finish your signup here: a new email will be sent to you.</translation>
    </message>
    <message>
        <source>Lien d&apos;activation refusé</source>
        <translation>Activation link refused</translation>
    </message>
    <message>
        <source>Quitter l&apos;assistant&#xa0;?</source>
        <translation>Quit the wizard?</translation>
    </message>
    <message>
        <source>Le code d&apos;activation, le mot de passe et la réponse saisis seront perdus&#xa0;: ils ne sont jamais enregistrés. Quitter quand même&#xa0;?</source>
        <translation>The activation code, password and answer you typed will be lost: they are never saved. Quit anyway?</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Rester</source>
        <translation>&amp;Stay</translation>
    </message>
</context>
<context>
    <name>TodayAccountPage</name>
    <message>
        <source>Portail actuel — 1. Créez votre compte</source>
        <translation>Today&apos;s portal — 1. Create your account</translation>
    </message>
    <message>
        <source>Parcours du portail actuel&#xa0;: le compte d&apos;abord, puis son activation, la double authentification, la structure et les espaces de travail.</source>
        <translation>Today&apos;s portal path: the account first, then its activation, two-factor authentication, the structure and the workspaces.</translation>
    </message>
    <message>
        <source>Adresse électronique de connexion</source>
        <translation>Login email address</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Téléphone (facultatif)</source>
        <translation>Telephone (optional)</translation>
    </message>
    <message>
        <source>Adresse électronique de contact</source>
        <translation>Contact email address</translation>
    </message>
    <message>
        <source>la même que celle de connexion</source>
        <translation>the same as the login address</translation>
    </message>
    <message>
        <source>J&apos;accepte les conditions générales d&apos;utilisation</source>
        <translation>I accept the terms of use</translation>
    </message>
    <message>
        <source>Se connecter avec cette adresse</source>
        <extracomment>« Se connecter avec … », offered when the sandbox says the address has an account.</extracomment>
        <translation>Log in with this address</translation>
    </message>
    <message>
        <source>Recevoir un nouveau courriel d&apos;activation</source>
        <extracomment>« Recevoir un nouveau courriel d&apos;activation », for an account never activated.</extracomment>
        <translation>Get a new activation email</translation>
    </message>
    <message>
        <source>l&apos;adresse électronique</source>
        <translation>the email address</translation>
    </message>
    <message>
        <source>le nom</source>
        <translation>the last name</translation>
    </message>
    <message>
        <source>le prénom</source>
        <translation>the first name</translation>
    </message>
    <message>
        <source>l&apos;acceptation des conditions</source>
        <translation>accepting the terms</translation>
    </message>
    <message>
        <source>Création de votre compte…</source>
        <translation>Creating your account…</translation>
    </message>
    <message>
        <source>Se connecter avec {email}</source>
        <translation>Log in with {email}</translation>
    </message>
    <message>
        <source>Envoi d&apos;un nouveau courriel…</source>
        <translation>Sending a new email…</translation>
    </message>
</context>
<context>
    <name>TodayActivatePage</name>
    <message>
        <source>Portail actuel — 2. Activez votre compte</source>
        <translation>Today&apos;s portal — 2. Activate your account</translation>
    </message>
    <message>
        <source>Voir le courriel reçu</source>
        <translation>Show the email received</translation>
    </message>
    <message>
        <source>Lien ou code d&apos;activation</source>
        <translation>Activation link or code</translation>
    </message>
    <message>
        <source>Il n&apos;y a plus de question secrète&#xa0;: la double authentification l&apos;a remplacée.</source>
        <translation>There is no secret question any more: two-factor authentication has replaced it.</translation>
    </message>
    <message>
        <source>Chargement des règles de mot de passe…</source>
        <translation>Loading the password rules…</translation>
    </message>
    <message>
        <source>un mot de passe qui respecte les règles</source>
        <translation>a password that meets the rules</translation>
    </message>
    <message>
        <source>Un courriel d&apos;activation a été envoyé à {email}. Son lien n&apos;est valable que 60 minutes&#xa0;: il mène au choix de votre mot de passe. Collez ici le lien (ou le code) du courriel.</source>
        <translation>An activation mail was sent to {email}. Its link is valid for 60 minutes only: it leads to choosing your password. Paste the mail&apos;s link (or code) here.</translation>
    </message>
    <message>
        <source>Renvoyer le courriel</source>
        <translation>Resend the email</translation>
    </message>
    <message>
        <source>le lien ou le code d&apos;activation</source>
        <translation>the activation link or code</translation>
    </message>
    <message>
        <source>la même confirmation du mot de passe</source>
        <translation>the same password confirmation</translation>
    </message>
    <message>
        <source>Activation de votre compte…</source>
        <translation>Activating your account…</translation>
    </message>
    <message>
        <source>Envoi d&apos;un nouveau courriel…</source>
        <translation>Sending a new email…</translation>
    </message>
    <message>
        <source>Un nouveau courriel d&apos;activation a été envoyé à {email}&#xa0;: son lien est valable 60 minutes. Utilisez le lien du dernier courriel reçu.</source>
        <translation>A new activation email was sent to {email}: its link is valid for 60 minutes. Use the link of the latest email received.</translation>
    </message>
</context>
<context>
    <name>TodayDonePage</name>
    <message>
        <source>Portail actuel — c&apos;est terminé</source>
        <translation>Today&apos;s portal — done</translation>
    </message>
    <message>
        <source>Vous avez parcouru le portail actuel dans son ordre&#xa0;: le compte, son activation et le mot de passe, la double authentification.</source>
        <extracomment>What to do for real, after a rehearsal.</extracomment>
        <translation>You went through today&apos;s portal in its order: the account, its activation and the password, the two-factor authentication.</translation>
    </message>
    <message>
        <source>La structure existait déjà&#xa0;: votre demande de rattachement est envoyée à son gestionnaire. Les espaces de travail s&apos;ouvriront quand il l&apos;aura acceptée.</source>
        <translation>The structure existed already: your request to join it is sent to its manager. The workspaces will open once the manager accepts it.</translation>
    </message>
    <message>
        <source>Votre structure est créée&#xa0;; vous en êtes le gestionnaire.</source>
        <translation>Your structure is created; you are its manager.</translation>
    </message>
    <message>
        <source>Espaces de travail ouverts&#xa0;: {names}.</source>
        <translation>Workspaces opened: {names}.</translation>
    </message>
    <message>
        <source>Aucun espace de travail n&apos;a été ouvert.</source>
        <translation>No workspace was opened.</translation>
    </message>
    <message>
        <source>Sur le vrai portail, gardez votre téléphone&#xa0;: chaque connexion demandera le code de l&apos;application.</source>
        <translation>On the real portal, keep your phone at hand: every login will ask for the app&apos;s code.</translation>
    </message>
</context>
<context>
    <name>TodayLoginPage</name>
    <message>
        <source>Portail actuel — 3. Connectez-vous&#xa0;: double authentification</source>
        <extracomment>Pixels per module of the QR code: large enough for a phone&apos;s camera on any screen.</extracomment>
        <translation>Today&apos;s portal — 3. Log in: two-factor authentication</translation>
    </message>
    <message>
        <source>Connectez-vous avec votre mot de passe. À la première connexion, un code à 6 chiffres vous est envoyé par courriel&#xa0;; puis vous configurez une application d&apos;authentification sur votre téléphone (FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator, gratuites).</source>
        <extracomment>What the next « Suivant » sends: the password, or the code the login waits for.</extracomment>
        <translation>Log in with your password. At the first login, a 6-digit code is sent to you by mail; then you set up an authenticator app on your phone (FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator, all free).</translation>
    </message>
    <message>
        <source>Adresse électronique de connexion</source>
        <extracomment>The address the login is made with (as the account was created), never typed here.</extracomment>
        <translation>Login email address</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Voir le courriel reçu</source>
        <translation>Show the email received</translation>
    </message>
    <message>
        <source>Code QR de l&apos;application d&apos;authentification</source>
        <translation>QR code for the authenticator app</translation>
    </message>
    <message>
        <source>Ou saisissez ce lien dans une application de bureau&#xa0;:</source>
        <translation>Or enter this link in a desktop app:</translation>
    </message>
    <message>
        <source>Code à 6 chiffres</source>
        <translation>6-digit code</translation>
    </message>
    <message>
        <source>le mot de passe</source>
        <translation>the password</translation>
    </message>
    <message>
        <source>le code à 6 chiffres</source>
        <translation>the 6-digit code</translation>
    </message>
    <message>
        <source>Connexion…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Vérification du code…</source>
        <translation>Checking the code…</translation>
    </message>
</context>
<context>
    <name>TodayStructurePage</name>
    <message>
        <source>Portail actuel — 4. Votre structure et vos espaces</source>
        <extracomment>The fields the directory fills (the record&apos;s names).</extracomment>
        <translation>Today&apos;s portal — 4. Your structure and workspaces</translation>
    </message>
    <message>
        <source>Vous êtes connecté. Créez votre structure&#xa0;: le type d&apos;identifiant, l&apos;identifiant, puis ses données. Si elle existe déjà, demandez votre rattachement.</source>
        <translation>You are logged in. Create your structure: the identifier type, the identifier, then its data. If it exists already, ask to join it.</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Raison sociale</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Pays (code)</source>
        <translation>Country (code)</translation>
    </message>
    <message>
        <source>Demander mon rattachement (la structure existe déjà)</source>
        <extracomment>What the directory said about the SIRET typed (prefilled, closed, registered).</extracomment>
        <translation>Ask to join (the structure exists already)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Espaces de travail à ouvrir&lt;/b&gt;</source>
        <translation>&lt;b&gt;Workspaces to open&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Chargement des espaces de travail…</source>
        <extracomment>The saved choice of workspaces, applied once the catalogue is loaded. The SIRET last looked up, and the values its prefill put in each field.</extracomment>
        <translation>Loading the workspaces…</translation>
    </message>
    <message>
        <source>Recherche de la structure dans l&apos;annuaire…</source>
        <translation>Looking the structure up in the directory…</translation>
    </message>
    <message>
        <source>Cette structure est déjà inscrite sur Chorus Pro&#xa0;: demandez votre rattachement (case cochée ci-dessous).</source>
        <translation>This structure is already registered on Chorus Pro: ask to join it (box ticked below).</translation>
    </message>
    <message>
        <source>L&apos;annuaire ne connaît pas ce SIRET&#xa0;: saisissez les données.</source>
        <translation>The directory does not know this SIRET: type the structure&apos;s data.</translation>
    </message>
    <message>
        <source>Établissement fermé&#xa0;: {why}</source>
        <translation>Closed establishment: {why}</translation>
    </message>
    <message>
        <source>il ne peut pas être inscrit.</source>
        <translation>it cannot be registered.</translation>
    </message>
    <message>
        <source>Données préremplies depuis l&apos;annuaire des entreprises&#xa0;: vérifiez-les et corrigez-les si besoin.</source>
        <translation>Data prefilled from the company directory: check them and correct them if needed.</translation>
    </message>
    <message>
        <source>L&apos;annuaire n&apos;a pas répondu&#xa0;: saisissez les données de la structure.</source>
        <translation>The directory did not answer: type the structure&apos;s data.</translation>
    </message>
    <message>
        <source>Vos saisies ont été remises en place. La connexion s&apos;est terminée à la fermeture de l&apos;assistant&#xa0;: «&#xa0;Suivant&#xa0;» vous demandera de vous reconnecter (mot de passe, puis le code de votre application).</source>
        <translation>What you typed is back in place. The login ended when the wizard was closed: “Next” will ask you to log in again (password, then your app&apos;s code).</translation>
    </message>
    <message>
        <source>Reconnectez-vous pour enregistrer votre structure&#xa0;: votre mot de passe, puis le code de votre application. Vos saisies sont gardées.</source>
        <translation>Log in again to save your structure: your password, then your app&apos;s code. What you typed is kept.</translation>
    </message>
    <message>
        <source>Création de votre structure…</source>
        <translation>Creating your structure…</translation>
    </message>
</context>
<context>
    <name>ToggleSwitch</name>
    <message>
        <source>OUI</source>
        <translation>YES</translation>
    </message>
    <message>
        <source>NON</source>
        <translation>NO</translation>
    </message>
</context>
<context>
    <name>WorkspacesPage</name>
    <message>
        <source>Ouvrez vos espaces de travail</source>
        <extracomment>The workspaces on by default (domain.md §3): sending invoices, asking questions.</extracomment>
        <translation>Open your workspaces</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Vous êtes le premier à créer votre entreprise dans Chorus Pro&#xa0;: vous en êtes le &lt;b&gt;gestionnaire principal&lt;/b&gt; et avez tous les droits de modification sur celle-ci. L&apos;espace «&#xa0;Activités du gestionnaire&#xa0;» vous est ouvert d&apos;office.</source>
        <extracomment>Whether the server holds the choice (« Valider » went through, now or before a resume): a resume that only passes by the page does not make it so.</extracomment>
        <translation>You are the first to create your company in Chorus Pro: you are its &lt;b&gt;main manager&lt;/b&gt; and have every right to change it. The “Manager&apos;s activities” workspace is opened for you as a matter of course.</translation>
    </message>
    <message>
        <source>Vous êtes le premier à créer cette entreprise dans le bac à sable de la répétition&#xa0;: vous y êtes le &lt;b&gt;gestionnaire principal&lt;/b&gt;, avec tous les droits de modification sur celle-ci. L&apos;espace «&#xa0;Activités du gestionnaire&#xa0;» vous est ouvert d&apos;office.</source>
        <extracomment>A sandbox&apos;s signup is a rehearsal: nothing of it is on Chorus Pro.</extracomment>
        <translation>You are the first to create this business in the rehearsal&apos;s sandbox: you are its &lt;b&gt;main manager&lt;/b&gt; there, with every right to change it. The “Manager&apos;s activities” workspace is open to you automatically.</translation>
    </message>
    <message>
        <source>Les espaces de travail vous donnent accès aux fonctionnalités de Chorus Pro dont vous avez besoin. «&#xa0;{sent}&#xa0;» et «&#xa0;{asked}&#xa0;» sont activés par défaut. Cliquez sur OUI/NON ou appuyez sur Espace pour ouvrir ou fermer un espace&#xa0;; vous pourrez les faire évoluer plus tard selon vos besoins.</source>
        <translation>Workspaces give you access to the Chorus Pro features you need. “{sent}” and “{asked}” are on by default. Click YES/NO or press Space to open or close a workspace; you can change them later as your needs evolve.</translation>
    </message>
    <message>
        <source>Espace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>Vous avez fermé «&#xa0;{sent}&#xa0;» et «&#xa0;{asked}&#xa0;»&#xa0;: sans le premier, votre structure ne pourra pas déposer ses factures à destination de ses clients publics ni suivre leur paiement&#xa0;; sans le second, vous ne pourrez pas poser de question au support Chorus Pro ou à un client public. Vous pourrez les ouvrir plus tard.</source>
        <translation>You have turned off “{sent}” and “{asked}”: without the first, your organisation cannot submit invoices to its public-sector customers or follow their payment; without the second, you cannot ask Chorus Pro support or a public-sector customer a question. You can open them later.</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>À faire sur le portail, après l&apos;activation</source>
        <translation>To do on the portal, after activation</translation>
    </message>
    <message>
        <source>Votre compte d&apos;essai &lt;b&gt;{email}&lt;/b&gt; a été créé dans le bac à sable (pas sur Chorus Pro) et un courriel d&apos;activation d&apos;essai vous a été envoyé. Pensez à le consulter rapidement&#xa0;: le lien a une durée de validité limitée (60 minutes).</source>
        <translation>Your trial account &lt;b&gt;{email}&lt;/b&gt; has been created in the sandbox (not on Chorus Pro) and a trial activation email has been sent to you. Read it soon: the link is only valid for a limited time (60 minutes).</translation>
    </message>
    <message>
        <source>Votre compte utilisateur &lt;b&gt;{email}&lt;/b&gt; a été créé et un courriel d&apos;activation vous a été envoyé. Pensez à le consulter rapidement&#xa0;: le lien a une durée de validité limitée (60 minutes).</source>
        <translation>Your user account &lt;b&gt;{email}&lt;/b&gt; has been created and an activation email has been sent to you. Check it soon: the link is only valid for a limited time (60 minutes).</translation>
    </message>
    <message>
        <source>Chargement des espaces de travail…</source>
        <translation>Loading the workspaces…</translation>
    </message>
    <message>
        <source>Espaces à ouvrir</source>
        <translation>Workspaces to open</translation>
    </message>
    <message>
        <source>Votre compte a déjà été créé pour {email} et attend son activation. Si vous quittez maintenant, l&apos;inscription reste en attente&#xa0;: au prochain lancement, «&#xa0;Reprendre&#xa0;» la poursuit (le lien d&apos;activation est valable 60 minutes). Quitter quand même&#xa0;?</source>
        <translation>Your account has already been created for {email} and awaits its activation. If you quit now, the signup waits: at the next start, “Resume” carries it on (the activation link is valid for 60 minutes). Quit anyway?</translation>
    </message>
    <message>
        <source>Le compte n&apos;a pas encore été créé.</source>
        <translation>The account has not been created yet.</translation>
    </message>
    <message>
        <source>Ouverture de vos espaces de travail…</source>
        <translation>Opening your workspaces…</translation>
    </message>
</context>
<context>
    <name>activation</name>
    <message>
        <source>Ce lien n&apos;est pas un lien d&apos;activation de l&apos;assistant Chorus Pro&#xa0;: il a été refusé. Ouvrez le lien du courriel d&apos;activation tel quel.</source>
        <extracomment>The URL scheme the installers register, so the mail&apos;s link opens the wizard.</extracomment>
        <translation>This link is not an activation link of the Chorus Pro wizard: it was refused. Open the link in the activation email as it is.</translation>
    </message>
    <message>
        <source>Ce lien d&apos;activation ne contient pas de code&#xa0;: ouvrez le lien complet du courriel.</source>
        <translation>This activation link contains no code: open the complete link from the email.</translation>
    </message>
    <message>
        <source>Le code de ce lien d&apos;activation est illisible&#xa0;: ouvrez le lien complet du courriel.</source>
        <translation>The code in this activation link is unreadable: open the complete link from the email.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Assistant d&apos;inscription à Chorus Pro, en quatre étapes.</source>
        <extracomment>``sandbox`` (embedded), ``qualification``, ``production`` or a sandbox&apos;s URL. Where everything the program writes goes (draft, settings, the embedded sandbox). ``--backend`` as given (&quot;&quot; when it came from the Paramètres or the default). ``--directory``: None for the default (the sandbox&apos;s own with a sandbox). An activation link to open once the window is up. A ``.qm`` file replacing the interface&apos;s own translation (the long-strings check). ``--parcours``: ``guide`` (the guide&apos;s four steps) or ``portail-actuel`` (today&apos;s portal, rehearsed in the sandbox). Whether ``--parcours`` or the Paramètres chose :attr:`path` (else a training room&apos;s answer may choose it). The Paramètres as read here: a file it had to set aside is said once, by the wizard.</extracomment>
        <translation>Chorus Pro sign-up wizard, in four steps.</translation>
    </message>
    <message>
        <source>SERVEUR</source>
        <translation>BACKEND</translation>
    </message>
    <message>
        <source>sandbox (serveur local intégré), qualification, production, ou l&apos;URL d&apos;un serveur bac à sable (salle de formation)&#xa0;; défaut&#xa0;: le choix enregistré dans «&#xa0;Paramètres&#xa0;», sinon sandbox</source>
        <translation>sandbox (built-in local server), qualification, production, or the URL of a sandbox server (training room); default: the choice saved in &quot;Settings&quot;, else sandbox</translation>
    </message>
    <message>
        <source>DOSSIER</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>dossier où le programme écrit tout (défaut&#xa0;: dossier utilisateur)</source>
        <translation>folder where the program writes everything (default: user folder)</translation>
    </message>
    <message>
        <source>langue de l&apos;interface, et de cette aide (défaut&#xa0;: celle choisie dans «&#xa0;Paramètres&#xa0;», sinon fr)</source>
        <translation>language of the interface, and of this help (default: the one chosen in &quot;Settings&quot;, else fr)</translation>
    </message>
    <message>
        <source>annuaire qui préremplit la structure (défaut&#xa0;: celui du bac à sable avec le bac à sable, l&apos;API Recherche d&apos;entreprises sinon&#xa0;; insee&#xa0;: clé dans le trousseau)</source>
        <translation>directory that prefills the structure (default: the sandbox&apos;s own with the sandbox, the Recherche d&apos;entreprises API otherwise; insee: key in the keychain)</translation>
    </message>
    <message>
        <source>URL de base remplaçant celle de l&apos;annuaire public (miroir, serveur de test)</source>
        <translation>base URL replacing the public directory&apos;s (mirror, test server)</translation>
    </message>
    <message>
        <source>guide (les quatre étapes du guide, par défaut) ou portail-actuel (le parcours du portail actuel&#xa0;: compte, activation, double authentification, puis structure&#xa0;; bac à sable seulement)&#xa0;; défaut&#xa0;: le choix enregistré dans «&#xa0;Paramètres&#xa0;», sinon celui de la salle de formation, sinon guide</source>
        <translation>guide (the guide&apos;s four steps) or portail-actuel (today&apos;s portal path: account, activation, two-factor authentication, then structure; sandbox only); default: the choice saved in &quot;Settings&quot;, else the training room&apos;s, else guide</translation>
    </message>
    <message>
        <source>vérifie que le programme est complet (traductions, ressources, bac à sable), affiche un rapport et quitte</source>
        <translation>check that the program is complete (translations, resources, sandbox), print a report and exit</translation>
    </message>
    <message>
        <source>LIEN</source>
        <translation>LINK</translation>
    </message>
    <message>
        <source>lien d&apos;activation reçu par courriel (chorus-wizard://activer?code=…)</source>
        <translation>activation link received by email (chorus-wizard://activer?code=…)</translation>
    </message>
    <message>
        <source>--backend inconnu&#xa0;: {option}</source>
        <translation>unknown --backend: {option}</translation>
    </message>
    <message>
        <source>--directory sandbox demande le bac à sable, ou --directory-url</source>
        <translation>--directory sandbox needs the sandbox, or --directory-url</translation>
    </message>
</context>
<context>
    <name>company</name>
    <message>
        <source>⚠ L&apos;INSEE range mal l&apos;adresse de cet établissement à l&apos;étranger&#xa0;: l&apos;assistant a réparti au mieux la rue, le code postal et la ville. Vérifiez-les.</source>
        <extracomment>Shown to the user (&quot;l&apos;annuaire des entreprises&quot;, &quot;l&apos;INSEE&quot;).</extracomment>
        <translation>⚠ INSEE stores this foreign establishment&apos;s address in the wrong fields: the assistant sorted out the street, postal code and town as best it could. Please check them.</translation>
    </message>
    <message>
        <source>L&apos;entreprise a cessé son activité selon l&apos;INSEE.</source>
        <extracomment>A 429 asking to wait at most this long is waited out once, in the worker thread. The API&apos;s published limit (domain.md §7): 7 requests per second and per address. Establishments listed per company in a name search (the API&apos;s default is 10). The address on one line (street, postcode, town), empty when masked. Why it cannot be chosen (closed establishment or ceased company), in French. Companies the directory holds for the query (it may hold more than it sent).</extracomment>
        <translation>According to INSEE, the company has ceased trading.</translation>
    </message>
    <message>
        <source>Cet établissement est fermé selon l&apos;INSEE.</source>
        <translation>According to INSEE, this establishment is closed.</translation>
    </message>
    <message>
        <source>{error} Les données viennent de {source}.</source>
        <translation>{error} The data comes from {source}.</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <source>Jeton d&apos;accès PISTE</source>
        <extracomment>DINUM: a SIRET that exists at INSEE, used when the user typed none. ``dateExpirationMotPasseCompteTech`` of the technical account&apos;s structure, if read.</extracomment>
        <translation>PISTE access token</translation>
    </message>
    <message>
        <source>Disponibilité de l&apos;API Chorus Pro</source>
        <translation>Chorus Pro API availability</translation>
    </message>
    <message>
        <source>Rattachements du compte technique</source>
        <translation>Technical account&apos;s attachments</translation>
    </message>
    <message>
        <source>Recherche d&apos;une structure</source>
        <translation>Structure search</translation>
    </message>
    <message>
        <source>Vérifiez la connexion à Internet de cet ordinateur&#xa0;; sur un réseau d&apos;entreprise, demandez si un proxy ou un pare-feu bloque piste.gouv.fr.</source>
        <translation>Check this computer&apos;s Internet connection; on a company network, ask whether a proxy or a firewall blocks piste.gouv.fr.</translation>
    </message>
    <message>
        <source>Vérifiez l&apos;identifiant client (client_id) et le secret (client_secret) de votre application sur piste.gouv.fr, et qu&apos;elle appartient bien à l&apos;environnement choisi (bac à sable PISTE pour la qualification, PISTE pour la production).</source>
        <translation>Check your application&apos;s client ID (client_id) and secret (client_secret) on piste.gouv.fr, and that it belongs to the chosen environment (PISTE sandbox for qualification, PISTE for production).</translation>
    </message>
    <message>
        <source>Sur piste.gouv.fr, abonnez votre application à l&apos;API Chorus Pro et acceptez ses conditions générales d&apos;utilisation&#xa0;; sur le portail Chorus Pro, rattachez le compte technique à votre structure (espace «&#xa0;Raccordements EDI/API&#xa0;»).</source>
        <translation>On piste.gouv.fr, subscribe your application to the Chorus Pro API and accept its terms of use; on the Chorus Pro portal, attach the technical account to your structure (“Raccordements EDI/API” area).</translation>
    </message>
    <message>
        <source>Vérifiez le login et le mot de passe du compte technique, créé sur le portail Chorus Pro par le gestionnaire de la structure. Son mot de passe expire au bout de {days} jours&#xa0;: s&apos;il a expiré, générez-en un nouveau sur le portail.</source>
        <translation>Check the login and password of the technical account, created on the Chorus Pro portal by the structure&apos;s manager. Its password expires after {days} days: if it has expired, generate a new one on the portal.</translation>
    </message>
    <message>
        <source>Le service est momentanément indisponible&#xa0;: réessayez dans quelques minutes.</source>
        <translation>The service is temporarily unavailable: try again in a few minutes.</translation>
    </message>
    <message>
        <source>Non testé&#xa0;: corrigez d&apos;abord l&apos;étape précédente.</source>
        <translation>Not tested: fix the previous step first.</translation>
    </message>
    <message>
        <source>Chorus Pro a refusé la demande pour la raison indiquée&#xa0;; corrigez la saisie.</source>
        <translation>Chorus Pro refused the request for the reason given; correct what you entered.</translation>
    </message>
    <message>
        <source>Réessayez&#xa0;; si le problème persiste, notez le message et contactez le support.</source>
        <translation>Try again; if the problem persists, note the message and contact support.</translation>
    </message>
    <message>
        <source>Erreur inattendue ({error}).</source>
        <translation>Unexpected error ({error}).</translation>
    </message>
    <message>
        <source>Le mot de passe du compte technique a expiré le {date}&#xa0;: générez-en un nouveau sur le portail Chorus Pro, puis saisissez-le ici.</source>
        <translation>The technical account&apos;s password expired on {date}: generate a new one on the Chorus Pro portal, then enter it here.</translation>
    </message>
    <message>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <source>dans 1 jour</source>
        <translation>in 1 day</translation>
    </message>
    <message>
        <source>dans {count} jours</source>
        <translation>in {count} days</translation>
    </message>
    <message>
        <source>Le mot de passe du compte technique expire le {date} ({days}).</source>
        <translation>The technical account&apos;s password expires on {date} ({days}).</translation>
    </message>
    <message>
        <source>{text} Pensez à le renouveler sur le portail Chorus Pro dès maintenant.</source>
        <translation>{text} Remember to renew it on the Chorus Pro portal now.</translation>
    </message>
    <message>
        <source>Jeton obtenu&#xa0;: l&apos;application PISTE est reconnue.</source>
        <translation>Token obtained: the PISTE application is recognised.</translation>
    </message>
    <message>
        <source>L&apos;API Chorus Pro répond.</source>
        <translation>The Chorus Pro API answers.</translation>
    </message>
    <message>
        <source>{names} et {count} autre(s)</source>
        <translation>{names} and {count} more</translation>
    </message>
    <message>
        <source>Compte technique accepté, rattaché à 1 structure&#xa0;: {names}.</source>
        <translation>Technical account accepted, attached to 1 structure: {names}.</translation>
    </message>
    <message>
        <source>Compte technique accepté, rattaché à {count} structures&#xa0;: {names}.</source>
        <translation>Technical account accepted, attached to {count} structures: {names}.</translation>
    </message>
    <message>
        <source>Compte technique accepté, mais rattaché à aucune structure.</source>
        <translation>Technical account accepted, but attached to no structure.</translation>
    </message>
    <message>
        <source>Sur le portail Chorus Pro, rattachez le compte technique à votre structure.</source>
        <translation>On the Chorus Pro portal, attach the technical account to your structure.</translation>
    </message>
    <message>
        <source>{step} (SIRET {siret})</source>
        <translation>{step} (SIRET {siret})</translation>
    </message>
    <message>
        <source>Structure trouvée sur Chorus Pro&#xa0;: {name} (n° {number}).</source>
        <translation>Structure found on Chorus Pro: {name} (no. {number}).</translation>
    </message>
    <message>
        <source>La recherche fonctionne&#xa0;; aucune structure n&apos;est inscrite sur Chorus Pro avec ce SIRET.</source>
        <translation>The search works; no structure is registered on Chorus Pro with this SIRET.</translation>
    </message>
</context>
<context>
    <name>directory</name>
    <message>
        <source>Recherche refusée.</source>
        <translation>Search refused.</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>Le disque est plein&#xa0;: vos saisies ne peuvent plus être enregistrées. Libérez de la place sur le disque&#xa0;: l&apos;enregistrement reprendra de lui-même&#xa0;; d&apos;ici là, ne fermez pas l&apos;assistant.</source>
        <extracomment>While writing fails, the draft is written again this often (and at every change).</extracomment>
        <translation>The disk is full: what you type can no longer be saved. Free some space on the disk: saving will resume by itself; until then, do not close the wizard.</translation>
    </message>
    <message>
        <source>Le dossier {folder} est en lecture seule&#xa0;: vos saisies ne peuvent plus être enregistrées. L&apos;enregistrement reprendra de lui-même dès que le dossier acceptera l&apos;écriture&#xa0;; d&apos;ici là, ne fermez pas l&apos;assistant.</source>
        <translation>The folder {folder} is read-only: what you type can no longer be saved. Saving will resume by itself as soon as the folder can be written to; until then, do not close the wizard.</translation>
    </message>
    <message>
        <source>Le dossier {folder} n&apos;autorise pas l&apos;écriture&#xa0;: vos saisies ne peuvent plus être enregistrées. L&apos;enregistrement reprendra de lui-même dès que le dossier acceptera l&apos;écriture&#xa0;; d&apos;ici là, ne fermez pas l&apos;assistant.</source>
        <translation>The folder {folder} does not allow writing: what you type can no longer be saved. Saving will resume by itself as soon as the folder can be written to; until then, do not close the wizard.</translation>
    </message>
    <message>
        <source>Le fichier {file} est ouvert par un autre programme&#xa0;: vos saisies ne peuvent pas y être enregistrées pour l&apos;instant. Fermez ce programme&#xa0;; l&apos;enregistrement reprendra de lui-même&#xa0;; d&apos;ici là, ne fermez pas l&apos;assistant.</source>
        <translation>The file {file} is open in another program: your entries cannot be saved to it for now. Close that program; saving will resume by itself; until then, do not close the assistant.</translation>
    </message>
    <message>
        <source>Vos saisies ne peuvent plus être enregistrées dans le dossier {folder} ({reason}). L&apos;enregistrement reprendra de lui-même dès que possible&#xa0;; d&apos;ici là, ne fermez pas l&apos;assistant.</source>
        <translation>What you type can no longer be saved in the folder {folder} ({reason}). Saving will resume by itself as soon as possible; until then, do not close the wizard.</translation>
    </message>
    <message>
        <source>Enregistrement</source>
        <extracomment>A draft write failed: the French message shown (emitted from the writing thread). A draft write succeeded (emitted from the writing thread). The message shown while the draft cannot be written; None when all is well. The keeper&apos;s banners, by page id: made on the first page the message is shown on.</extracomment>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Reprendre l&apos;inscription de {structure}, laissée le {date} à {hour}&#xa0;h&#xa0;{minute} à l&apos;étape&#xa0;{step} ({name})&#xa0;?</source>
        <translation>Resume the signup of {structure}, left on {date} at {hour}:{minute} at step {step} ({name})?</translation>
    </message>
    <message>
        <source>Reprendre l&apos;inscription au portail actuel de {email}, laissée le {date} à {hour}&#xa0;h&#xa0;{minute} à l&apos;étape&#xa0;{step} ({name})&#xa0;?</source>
        <translation>Resume the signup on today&apos;s portal of {email}, left on {date} at {hour}:{minute} at step {step} ({name})?</translation>
    </message>
    <message>
        <source>Une inscription commencée sur l&apos;autre parcours de la répétition est gardée&#xa0;: pour la reprendre, choisissez ce parcours dans «&#xa0;Plus › Paramètres&#xa0;» et redémarrez l&apos;assistant. Elle sera remplacée dès que vous saisirez ici.</source>
        <translation>A signup begun on the rehearsal&apos;s other path is kept: to resume it, choose that path in “More › Settings” and restart the wizard. It will be replaced as soon as you type here.</translation>
    </message>
    <message>
        <source>Reprendre l&apos;inscription laissée le {date} à {hour}&#xa0;h&#xa0;{minute} à l&apos;étape&#xa0;{step} ({name})&#xa0;?</source>
        <translation>Resume the signup left on {date} at {hour}:{minute} at step {step} ({name})?</translation>
    </message>
    <message>
        <source>SIRET {siret}</source>
        <translation>SIRET {siret}</translation>
    </message>
    <message>
        <source>Recommencer&#xa0;?</source>
        <translation>Start over?</translation>
    </message>
    <message>
        <source>Un compte d&apos;essai a déjà été créé pour {email}. Si vous recommencez, l&apos;assistant oublie cette inscription, mais le compte reste sur le serveur&#xa0;: la même adresse mènera à ce compte, pas à un nouveau. Reprenez plutôt l&apos;inscription.</source>
        <translation>A trial account has already been created for {email}. If you start over, the wizard forgets this signup, but the account stays on the server: the same address will lead to that account, not to a new one. Resume the signup instead.</translation>
    </message>
    <message>
        <source>Un compte a déjà été créé pour {email}. Si vous recommencez, l&apos;assistant oublie cette inscription, mais le compte reste sur le serveur&#xa0;: la même adresse et la même structure seraient refusées. Reprenez plutôt l&apos;inscription pour l&apos;activer.</source>
        <translation>An account has already been created for {email}. If you start over, the wizard forgets this signup, but the account stays on the server: the same address and the same structure would be refused. Resume the signup instead to activate it.</translation>
    </message>
    <message>
        <source>Reprendre l&apos;inscription</source>
        <translation>Resume the signup</translation>
    </message>
    <message>
        <source>Recommencer quand même</source>
        <translation>Start over anyway</translation>
    </message>
    <message>
        <source>{error} Vos saisies ont été remises en place&#xa0;; cliquez sur «&#xa0;Suivant&#xa0;» pour poursuivre.</source>
        <translation>{error} What you entered has been put back; click “Next” to continue.</translation>
    </message>
    <message>
        <source>Reprise de votre inscription…</source>
        <translation>Resuming your signup…</translation>
    </message>
    <message>
        <source>Votre compte a déjà été créé. Le choix des espaces de travail n&apos;a pas pu être relu (aucun trousseau du système)&#xa0;: vous pourrez le revoir après l&apos;activation.</source>
        <translation>Your account has already been created. The choice of workspaces could not be read back (no system keychain): you can review it after activation.</translation>
    </message>
    <message>
        <source>Votre compte a déjà été créé, avec les espaces de travail choisis ({spaces})&#xa0;: ce choix est enregistré avec le compte et vaudra dès son activation. Sans trousseau du système, l&apos;assistant ne peut pas le relire auprès de Chorus Pro&#xa0;: vous pourrez le revoir sur Chorus Pro après l&apos;activation.</source>
        <translation>Your account has already been created, with the workspaces chosen ({spaces}): this choice is saved with the account and applies from its activation. Without a system keychain, the wizard cannot read it back from Chorus Pro: you can review it on Chorus Pro after the activation.</translation>
    </message>
    <message>
        <source>Votre compte a déjà été créé. Les espaces de travail choisis ({spaces}) n&apos;ont pas encore été ouverts, et sans trousseau du système l&apos;assistant ne peut plus les demander&#xa0;: ouvrez-les après l&apos;activation, sur Chorus Pro.</source>
        <translation>Your account has already been created. The workspaces you chose ({spaces}) are not open yet, and without a system keychain the assistant can no longer ask for them: open them on Chorus Pro after the activation.</translation>
    </message>
    <message>
        <source>L&apos;inscription commencée précédemment n&apos;a pas pu être reprise&#xa0;: {why}. Une nouvelle inscription commence.</source>
        <extracomment>Where the wizard stands, beside the record: what a draft may hold, with its value&apos;s type.</extracomment>
        <translation>The signup started earlier could not be resumed: {why}. A new signup begins.</translation>
    </message>
    <message>
        <source>L&apos;inscription commencée précédemment n&apos;a pas pu être reprise&#xa0;: {why}. Le fichier a été mis de côté ({file}) et une nouvelle inscription commence.</source>
        <translation>The signup started earlier could not be resumed: {why}. The file has been set aside ({file}) and a new signup begins.</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>il a été écrit par une version plus récente du programme</source>
        <translation>it was written by a newer version of the program</translation>
    </message>
    <message>
        <source>il est endommagé</source>
        <extracomment>Tags of the set-aside copies&apos; names (the reason is in the message).</extracomment>
        <translation>it is damaged</translation>
    </message>
    <message>
        <source>il n&apos;a pas pu être lu ({reason})</source>
        <translation>it could not be read ({reason})</translation>
    </message>
</context>
<context>
    <name>http</name>
    <message>
        <source>l&apos;annuaire des entreprises</source>
        <translation>the company directory</translation>
    </message>
    <message>
        <source>{Service} a envoyé une réponse inattendue (HTTP {status}).</source>
        <translation>{Service} sent an unexpected answer (HTTP {status}).</translation>
    </message>
    <message>
        <source>{Service} a envoyé une réponse inattendue.</source>
        <translation>{Service} sent an unexpected answer.</translation>
    </message>
    <message>
        <source>{Service} ne répond pas (délai de connexion dépassé). Vérifiez votre connexion à Internet puis réessayez.</source>
        <translation>{Service} is not answering (connection timed out). Check your Internet connection, then try again.</translation>
    </message>
    <message>
        <source>{Service} n&apos;a pas répondu à temps. Réessayez dans un instant.</source>
        <translation>{Service} did not answer in time. Try again in a moment.</translation>
    </message>
    <message>
        <source>{Service} ne parle pas HTTPS à cette adresse&#xa0;: le serveur y répond en HTTP simple, sans chiffrement. Vérifiez l&apos;adresse configurée (https:// au lieu de http://, ou le numéro de port).</source>
        <translation>{Service} does not speak HTTPS at this address: the server answers there in plain, unencrypted HTTP. Check the configured address (https:// instead of http://, or the port number).</translation>
    </message>
    <message>
        <source>La connexion sécurisée avec {service} a échoué (certificat refusé). Vérifiez la date et l&apos;heure de l&apos;ordinateur&#xa0;; sur un réseau d&apos;entreprise, un proxy peut en être la cause.</source>
        <translation>The secure connection to {service} failed (certificate refused). Check the computer&apos;s date and time; on a company network, a proxy may be the cause.</translation>
    </message>
    <message>
        <source>La connexion sécurisée avec {service} a échoué (négociation TLS interrompue). Réessayez&#x202f;; sur un réseau d&apos;entreprise, un proxy peut en être la cause.</source>
        <translation>The secure connection to {service} failed (TLS handshake interrupted). Try again; on a company network, a proxy may be the cause.</translation>
    </message>
    <message>
        <source>{Service} refuse la connexion&#xa0;: le service est arrêté ou inaccessible. Réessayez dans quelques minutes.</source>
        <translation>{Service} refuses the connection: the service is stopped or unreachable. Try again in a few minutes.</translation>
    </message>
    <message>
        <source>Adresse du serveur introuvable ({service})&#xa0;: l&apos;ordinateur n&apos;est peut-être pas connecté à Internet.</source>
        <translation>Server address not found ({service}): the computer may not be connected to the Internet.</translation>
    </message>
    <message>
        <source>quelques secondes</source>
        <extracomment>Seconds: connecting, then each read/write. Pauses before the 2nd and 3rd attempt of an idempotent call that met a transient fault. OpenSSL&apos;s words when the other end answers a TLS handshake with something else (plain HTTP).</extracomment>
        <translation>a few seconds</translation>
    </message>
    <message>
        <source>{count} secondes</source>
        <translation>{count} seconds</translation>
    </message>
    <message>
        <source>environ une minute</source>
        <translation>about a minute</translation>
    </message>
    <message>
        <source>environ {count} minutes</source>
        <translation>about {count} minutes</translation>
    </message>
    <message>
        <source>environ une heure</source>
        <translation>about an hour</translation>
    </message>
    <message>
        <source>environ {count} heures</source>
        <translation>about {count} hours</translation>
    </message>
    <message>
        <source>environ un jour</source>
        <translation>about a day</translation>
    </message>
    <message>
        <source>environ {count} jours</source>
        <translation>about {count} days</translation>
    </message>
    <message>
        <source>{Service} reçoit trop de demandes. Réessayez dans {wait}.</source>
        <translation>{Service} is receiving too many requests. Try again in {wait}.</translation>
    </message>
    <message>
        <source>{hour} h {minute:02d}</source>
        <translation>{hour}:{minute:02d}</translation>
    </message>
    <message>
        <source>le {day:02d}/{month:02d} à {clock}</source>
        <translation>on {day:02d}/{month:02d} at {clock}</translation>
    </message>
    <message>
        <source>{Service} reçoit trop de demandes. Réessayez dans {wait}&#xa0;: notez de revenir vers {clock}.</source>
        <translation>{Service} is receiving too many requests. Try again in {wait}: note to come back around {clock}.</translation>
    </message>
    <message>
        <source>{Service} a interrompu sa réponse avant la fin. Réessayez.</source>
        <translation>{Service} cut its answer short. Try again.</translation>
    </message>
    <message>
        <source>Impossible de joindre {service}. Vérifiez votre connexion à Internet puis réessayez.</source>
        <translation>Cannot reach {service}. Check your Internet connection, then try again.</translation>
    </message>
    <message>
        <source>La communication avec {service} a échoué ({error}). Réessayez.</source>
        <translation>Communication with {service} failed ({error}). Try again.</translation>
    </message>
    <message>
        <source>{Service} reçoit trop de demandes.</source>
        <translation>{Service} is receiving too many requests.</translation>
    </message>
    <message>
        <source>{Service} rencontre un problème (erreur {status}). Réessayez dans quelques minutes.</source>
        <translation>{Service} has a problem (error {status}). Try again in a few minutes.</translation>
    </message>
    <message>
        <source>{Service} a envoyé une réponse illisible (HTTP {status}).</source>
        <translation>{Service} sent an unreadable answer (HTTP {status}).</translation>
    </message>
    <message>
        <source>{Service} a envoyé une réponse inattendue&#xa0;: «&#xa0;{key}&#xa0;» manquant.</source>
        <translation>{Service} sent an unexpected answer: “{key}” is missing.</translation>
    </message>
    <message>
        <source>l&apos;API Sirene de l&apos;INSEE</source>
        <translation>INSEE&apos;s Sirene API</translation>
    </message>
    <message>
        <source>l&apos;INSEE</source>
        <translation>INSEE</translation>
    </message>
    <message>
        <source>le service d&apos;authentification PISTE</source>
        <translation>the PISTE authentication service</translation>
    </message>
    <message>
        <source>le service d&apos;inscription</source>
        <translation>the signup service</translation>
    </message>
</context>
<context>
    <name>identifiers</name>
    <message>
        <source>Structure européenne hors France</source>
        <extracomment>The portal&apos;s own words for each &quot;no SIRET&quot; case, in the order the portal lists them.</extracomment>
        <translation>European structure outside France</translation>
    </message>
    <message>
        <source>Structure hors UE</source>
        <translation>Structure outside the EU</translation>
    </message>
    <message>
        <source>Structure avec RIDET (Nouvelle-Calédonie)</source>
        <translation>Structure with a RIDET (New Caledonia)</translation>
    </message>
    <message>
        <source>Structure avec numéro TAHITI (Polynésie française)</source>
        <translation>Structure with a TAHITI number (French Polynesia)</translation>
    </message>
    <message>
        <source>Particulier</source>
        <translation>Private individual</translation>
    </message>
    <message>
        <source>En cours d&apos;immatriculation</source>
        <translation>Being registered</translation>
    </message>
    <message>
        <source>Numéro de SIRET</source>
        <extracomment>Label of the identifier field for each type.</extracomment>
        <translation>SIRET number</translation>
    </message>
    <message>
        <source>Numéro de TVA intracommunautaire</source>
        <translation>Intra-EU VAT number</translation>
    </message>
    <message>
        <source>Identifiant hors UE (code pays + nom)</source>
        <translation>Non-EU identifier (country code + name)</translation>
    </message>
    <message>
        <source>Numéro RIDET</source>
        <translation>RIDET number</translation>
    </message>
    <message>
        <source>Numéro TAHITI</source>
        <translation>TAHITI number</translation>
    </message>
    <message>
        <source>Identifiant du particulier</source>
        <translation>Private individual&apos;s identifier</translation>
    </message>
    <message>
        <source>Identifiant provisoire</source>
        <translation>Temporary identifier</translation>
    </message>
    <message>
        <source>CH + nom de la structure</source>
        <extracomment>Example shown as a placeholder in the identifier field.</extracomment>
        <translation>CH + name of the structure</translation>
    </message>
    <message>
        <source>NOM Prénom</source>
        <translation>LASTNAME Firstname</translation>
    </message>
    <message>
        <source>Nom de l&apos;entreprise en cours d&apos;immatriculation</source>
        <translation>Name of the company being registered</translation>
    </message>
    <message>
        <source>Saisissez le {what}.</source>
        <translation>Enter the {what}.</translation>
    </message>
    <message>
        <source>Le {what} ne contient que des chiffres&#xa0;: {shown} n&apos;est pas accepté.</source>
        <translation>The {what} may contain only digits: {shown} is not accepted.</translation>
    </message>
    <message>
        <source> ou </source>
        <translation> or </translation>
    </message>
    <message>
        <source>{wanted} chiffres attendus, {typed} saisi.</source>
        <translation>{wanted} digits expected, {typed} entered.</translation>
    </message>
    <message>
        <source>{wanted} chiffres attendus, {typed} saisis.</source>
        <translation>{wanted} digits expected, {typed} entered.</translation>
    </message>
    <message>
        <source>numéro de SIRET</source>
        <translation>SIRET number</translation>
    </message>
    <message>
        <source>Clé de contrôle incorrecte&#xa0;: les 9 premiers chiffres (SIREN) ne forment pas un numéro valide. Vérifiez chaque chiffre.</source>
        <translation>Wrong check digit: the first 9 digits (SIREN) do not form a valid number. Check each digit.</translation>
    </message>
    <message>
        <source>Clé de contrôle incorrecte&#xa0;: le numéro d&apos;établissement (5 derniers chiffres) ne correspond pas au SIREN. Vérifiez chaque chiffre.</source>
        <translation>Wrong check digit: the establishment number (last 5 digits) does not match the SIREN. Check each digit.</translation>
    </message>
    <message>
        <source>Numéro de SIRET invalide.</source>
        <translation>Invalid SIRET number.</translation>
    </message>
    <message>
        <source>Saisissez le numéro de TVA intracommunautaire.</source>
        <translation>Enter the intra-EU VAT number.</translation>
    </message>
    <message>
        <source>Le numéro doit commencer par le préfixe du pays (par exemple DE, BE, IT).</source>
        <translation>The number must start with the country prefix (for example DE, BE, IT).</translation>
    </message>
    <message>
        <source>Numéro de TVA français&#xa0;: une structure française s&apos;identifie par son numéro de SIRET.</source>
        <translation>French VAT number: a French structure is identified by its SIRET number.</translation>
    </message>
    <message>
        <source>Préfixe pays inconnu dans l&apos;Union européenne&#xa0;: {prefix}.</source>
        <translation>Country prefix unknown in the European Union: {prefix}.</translation>
    </message>
    <message>
        <source>18 caractères au plus, {typed} saisis.</source>
        <translation>18 characters at most, {typed} entered.</translation>
    </message>
    <message>
        <source>Longueur incorrecte pour un numéro de TVA {prefix}.</source>
        <translation>Wrong length for a {prefix} VAT number.</translation>
    </message>
    <message>
        <source>Clé de contrôle du numéro de TVA incorrecte.</source>
        <translation>Wrong check digits in the VAT number.</translation>
    </message>
    <message>
        <source>Format incorrect pour un numéro de TVA {prefix}.</source>
        <translation>Wrong format for a {prefix} VAT number.</translation>
    </message>
    <message>
        <source>Saisissez le code pays (2 lettres) suivi du nom de la structure.</source>
        <translation>Enter the country code (2 letters) followed by the structure&apos;s name.</translation>
    </message>
    <message>
        <source>Préfixe pays inconnu&#xa0;: {prefix}.</source>
        <translation>Unknown country prefix: {prefix}.</translation>
    </message>
    <message>
        <source>{prefix} est un pays de l&apos;Union européenne&#xa0;: choisissez «&#xa0;Structure européenne hors France&#xa0;» ou le SIRET.</source>
        <translation>{prefix} is a European Union country: choose “European structure outside France” or the SIRET.</translation>
    </message>
    <message>
        <source>numéro RIDET</source>
        <translation>RIDET number</translation>
    </message>
    <message>
        <source>Saisissez le numéro TAHITI.</source>
        <translation>Enter the TAHITI number.</translation>
    </message>
    <message>
        <source>9 caractères attendus, {typed} saisis.</source>
        <translation>9 characters expected, {typed} entered.</translation>
    </message>
    <message>
        <source>Format attendu&#xa0;: une lettre ou un chiffre, puis 8 chiffres (par exemple G33972001).</source>
        <translation>Expected format: a letter or a digit, then 8 digits (for example G33972001).</translation>
    </message>
    <message>
        <source>Ce champ est obligatoire.</source>
        <translation>This field is required.</translation>
    </message>
</context>
<context>
    <name>insee</name>
    <message>
        <source>Aucune clé d&apos;API INSEE n&apos;est enregistrée dans le trousseau du système.</source>
        <translation>No INSEE API key is stored in the system keychain.</translation>
    </message>
    <message>
        <source>Clé d&apos;API INSEE refusée&#xa0;: vérifiez-la sur portail-api.insee.fr.</source>
        <translation>INSEE API key refused: check it on portail-api.insee.fr.</translation>
    </message>
    <message>
        <source>Erreur INSEE {status}.</source>
        <translation>INSEE error {status}.</translation>
    </message>
</context>
<context>
    <name>keychain</name>
    <message>
        <source>Aucun trousseau du système n&apos;est disponible sur cet ordinateur&#xa0;: les secrets saisis ici sont gardés en mémoire pour cette session seulement, jamais écrits dans un fichier. Il faudra les saisir de nouveau au prochain démarrage.</source>
        <extracomment>Service of the wizard&apos;s own secrets: the Paramètres&apos; secrets, the INSEE key, and the login password the final page offers to keep (user name: the login e-mail). Service of the signup token of an account being created (user name: its id), kept so that a signup interrupted by a crash can be resumed with the backend state re-read. Service under which ``chorus-wizard-sandbox --smtp-user U`` finds U&apos;s relay password. The INSEE API Sirene key (« Paramètres », or ``keyring set chorus-wizard insee-api-key``).</extracomment>
        <translation>No system keychain is available on this computer: the secrets entered here are kept in memory for this session only, never written to a file. You will have to enter them again at the next start.</translation>
    </message>
    <message>
        <source>Aucun trousseau du système n&apos;est disponible sur cet ordinateur&#xa0;: le mot de passe n&apos;a pas été enregistré. Conservez-le dans un gestionnaire de mots de passe.</source>
        <extracomment>Said when a secret that may not wait in memory finds no keychain. Worded for the login password: of those secrets, it is the only one the person is told about.</extracomment>
        <translation>No system keychain is available on this computer: the password was not saved. Keep it in a password manager.</translation>
    </message>
    <message>
        <source>Le trousseau du système a refusé d&apos;enregistrer le mot de passe (trousseau verrouillé ou accès refusé). Conservez-le dans un gestionnaire de mots de passe.</source>
        <translation>The system keychain refused to save the password (keychain locked or access denied). Keep it in a password manager.</translation>
    </message>
    <message>
        <source>Le trousseau du système a refusé d&apos;enregistrer le secret (trousseau verrouillé ou accès refusé)&#xa0;: il est gardé en mémoire pour cette session seulement.</source>
        <translation>The system keychain refused to save the secret (keychain locked or access denied): it is kept in memory for this session only.</translation>
    </message>
    <message>
        <source>Aucun trousseau du système n&apos;est disponible sur cet ordinateur.</source>
        <translation>No system keychain is available on this computer.</translation>
    </message>
    <message>
        <source>Le trousseau du système n&apos;a pas pu être lu (trousseau verrouillé ou accès refusé).</source>
        <translation>The system keychain could not be read (keychain locked or access denied).</translation>
    </message>
</context>
<context>
    <name>local_sandbox</name>
    <message>
        <source>le disque est plein</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>son dossier {path} est en lecture seule</source>
        <translation>its folder {path} is read-only</translation>
    </message>
    <message>
        <source>son dossier {path} n&apos;autorise pas l&apos;écriture</source>
        <translation>its folder {path} does not allow writing</translation>
    </message>
    <message>
        <source>sa base de données {path} est endommagée</source>
        <translation>its database {path} is damaged</translation>
    </message>
    <message>
        <source>erreur inattendue ({error}, {path})</source>
        <translation>unexpected error ({error}, {path})</translation>
    </message>
    <message>
        <source>Le bac à sable n&apos;a pas pu démarrer&#xa0;: {why}. Corrigez ce problème, puis fermez et relancez l&apos;assistant&#xa0;; vos saisies sont conservées.</source>
        <translation>The sandbox could not start: {why}. Fix this problem, then close and restart the wizard; what you typed is kept.</translation>
    </message>
    <message>
        <source>Le bac à sable n&apos;a pas pu démarrer&#xa0;: le disque est plein ({path}). Libérez de la place, puis fermez et relancez l&apos;assistant&#xa0;; vos saisies sont conservées.</source>
        <translation>The sandbox could not start: the disk is full ({path}). Free some space, then close and restart the wizard; what you typed is kept.</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <source>Au moins {count} caractères</source>
        <extracomment>zxcvbn&apos;s warnings that say a password (or its word) is among the leaked, most used ones. What people put around a common word: digits, punctuation, blanks (``Soleil2026!``).</extracomment>
        <translation>At least {count} characters</translation>
    </message>
    <message>
        <source>Au moins {count} types de caractères parmi&#xa0;: minuscules, majuscules, chiffres, caractères spéciaux</source>
        <translation>At least {count} kinds of characters among: lower case, upper case, digits, special characters</translation>
    </message>
    <message>
        <source>Ne contient pas votre adresse électronique</source>
        <translation>Does not contain your email address</translation>
    </message>
    <message>
        <source>Ne contient pas le nom de la structure</source>
        <translation>Does not contain the structure&apos;s name</translation>
    </message>
    <message>
        <source>N&apos;est pas un mot de passe courant</source>
        <translation>Is not a common password</translation>
    </message>
    <message>
        <source>faible</source>
        <extracomment>zxcvbn&apos;s cost grows quickly with length; past this many characters it learns nothing new. French wording of zxcvbn&apos;s scores 0 to 4.</extracomment>
        <translation>weak</translation>
    </message>
    <message>
        <source>moyenne</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>bonne</source>
        <translation>good</translation>
    </message>
    <message>
        <source>excellente</source>
        <translation>excellent</translation>
    </message>
</context>
<context>
    <name>piste</name>
    <message>
        <source>Identifiants PISTE incorrects&#xa0;: vérifiez l&apos;identifiant client et le secret.</source>
        <extracomment>A 429 is waited out in the worker only when ``Retry-After`` asks for at most this long. Pause before trying again after a 429 that gave no ``Retry-After``. ``rattachements`` is read page by page, this many rows a page, at most this many pages. ``statutRattachementStructure`` values that mean the attachment no longer counts.</extracomment>
        <translation>Wrong PISTE credentials: check the client ID and secret.</translation>
    </message>
    <message>
        <source>Compte technique refusé par Chorus Pro (mot de passe erroné ou expiré).</source>
        <translation>Technical account refused by Chorus Pro (wrong or expired password).</translation>
    </message>
    <message>
        <source>Accès refusé par Chorus Pro&#xa0;: l&apos;application PISTE n&apos;est pas abonnée à l&apos;API, ou le compte technique n&apos;est pas rattaché.</source>
        <translation>Access refused by Chorus Pro: the PISTE application is not subscribed to the API, or the technical account is not attached.</translation>
    </message>
    <message>
        <source>Le service d&apos;authentification PISTE a refusé la demande de jeton (HTTP {status}).</source>
        <translation>The PISTE authentication service refused the token request (HTTP {status}).</translation>
    </message>
    <message>
        <source>Le jeton PISTE est refusé même tout juste renouvelé&#xa0;: vérifiez que l&apos;application PISTE est bien celle de cet environnement.</source>
        <translation>The PISTE token is refused even freshly renewed: check that the PISTE application belongs to this environment.</translation>
    </message>
    <message>
        <source>{message} Détail&#xa0;: «&#xa0;{detail}&#xa0;».</source>
        <translation>{message} Detail: “{detail}”.</translation>
    </message>
    <message>
        <source>Erreur {status}</source>
        <translation>Error {status}</translation>
    </message>
    <message>
        <source>Chorus Pro ne répond pas normalement au test de santé (HTTP {status}).</source>
        <translation>Chorus Pro does not answer the health check normally (HTTP {status}).</translation>
    </message>
    <message>
        <source>Chorus Pro répond, mais se dit indisponible (état {status}). Réessayez dans quelques minutes.</source>
        <translation>Chorus Pro answers, but says it is unavailable (status {status}). Try again in a few minutes.</translation>
    </message>
    <message>
        <source>Réponse inattendue de Chorus Pro (rattachements).</source>
        <translation>Unexpected answer from Chorus Pro (attachments).</translation>
    </message>
    <message>
        <source>Réponse inattendue de Chorus Pro (adresse).</source>
        <translation>Unexpected answer from Chorus Pro (address).</translation>
    </message>
    <message>
        <source>Réponse inattendue de Chorus Pro (structure).</source>
        <translation>Unexpected answer from Chorus Pro (structure).</translation>
    </message>
    <message>
        <source>Réponse inattendue de Chorus Pro (pays).</source>
        <translation>Unexpected answer from Chorus Pro (countries).</translation>
    </message>
</context>
<context>
    <name>portal</name>
    <message>
        <source>J&apos;ai demandé la création de mon compte sur le portail</source>
        <translation>I have asked the portal to create my account</translation>
    </message>
    <message>
        <source>Si vous êtes le premier à créer votre entreprise dans Chorus Pro, vous en deviendrez le &lt;b&gt;gestionnaire principal&lt;/b&gt;, avec tous les droits de modification sur celle-ci.</source>
        <translation>If you are the first to create your company in Chorus Pro, you will become its &lt;b&gt;main manager&lt;/b&gt;, with every right to change it.</translation>
    </message>
    <message>
        <source>Dans la gestion de vos espaces de travail, passez à OUI les espaces choisis sur cette page.</source>
        <translation>In your workspace settings, switch the workspaces chosen on this page to YES.</translation>
    </message>
    <message>
        <source>Avant de commencer sur le portail, ayez à portée de main&#xa0;: votre numéro de SIRET (ou l&apos;identifiant de votre structure), votre messagerie (deux courriels vont arriver&#xa0;: le lien d&apos;activation, puis un code de connexion), et un téléphone avec une application d&apos;authentification (par exemple FreeOTP, Aegis ou Google Authenticator, gratuites) ou une clé de sécurité&#xa0;: depuis septembre 2024, le portail la demande à chaque utilisateur dès sa première connexion.</source>
        <extracomment>The portal&apos;s activation link is valid this long after the mail is sent (domain.md §6). Today&apos;s portal (domain.md §8), in its order: the account, its activation and password, the second factor at the first login, then the structure (created or joined), then the spaces.</extracomment>
        <translation>Before you start on the portal, have at hand: your SIRET number (or your structure&apos;s identifier), your mailbox (two mails will arrive: the activation link, then a login code), and a phone with an authenticator app (for instance FreeOTP, Aegis or Google Authenticator, all free) or a security key: since September 2024 the portal asks every user for one at the first login.</translation>
    </message>
    <message>
        <source>Mode portail&#xa0;: l&apos;API de Chorus Pro ne permet pas de créer un compte. «&#xa0;Suivant&#xa0;» ne crée rien&#xa0;: sur le portail, créez d&apos;abord votre compte utilisateur (ci-dessous)&#xa0;; la structure viendra après votre première connexion (étape 4). Vos données restent dans l&apos;assistant pour les étapes suivantes.</source>
        <translation>Portal mode: Chorus Pro&apos;s API cannot create an account. “Next” creates nothing: on the portal, first create your user account (below); the structure comes after your first login (step 4). Your data stays in the assistant for the next steps.</translation>
    </message>
    <message>
        <source>Ouvrez le portail et cliquez sur «&#xa0;Créer un compte&#xa0;» (en haut à droite).</source>
        <translation>Open the portal and click “Créer un compte” (top right).</translation>
    </message>
    <message>
        <source>Saisissez votre adresse électronique de connexion, votre nom, votre prénom, votre téléphone (facultatif) et votre adresse de contact (boutons «&#xa0;Copier&#xa0;»), acceptez les conditions générales d&apos;utilisation, recopiez le captcha, puis cliquez sur «&#xa0;Créer mon compte&#xa0;».</source>
        <translation>Enter your login email address, your last name, your first name, your telephone (optional) and your contact address (“Copy” buttons), accept the terms of use, type the captcha, then click “Créer mon compte”.</translation>
    </message>
    <message>
        <source>Le portail vous envoie un courriel d&apos;activation&#xa0;: son lien n&apos;est valable que 60 minutes (étape 4).</source>
        <translation>The portal sends you an activation mail: its link is valid for 60 minutes only (step 4).</translation>
    </message>
    <message>
        <source>Mode portail&#xa0;: choisissez ici les espaces de travail dont vous aurez besoin. L&apos;assistant ne les ouvre pas&#xa0;: vous les activerez vous-même sur le portail, en dernier, une fois votre compte activé, votre double authentification en place et votre structure créée (étape 4).</source>
        <translation>Portal mode: choose here the workspaces you will need. The assistant does not open them: you will switch them on yourself on the portal, last, once your account is activated, your two-factor authentication set up and your structure created (step 4).</translation>
    </message>
    <message>
        <source>Après l&apos;activation de votre compte, la double authentification et la création de votre structure (étape 4), connectez-vous au portail.</source>
        <translation>After activating your account, setting up two-factor authentication and creating your structure (step 4), log in to the portal.</translation>
    </message>
    <message>
        <source>Le portail envoie le courriel d&apos;activation à {email}. Suivez les quatre temps ci-dessous dans l&apos;ordre du portail&#xa0;: le lien d&apos;activation et le mot de passe, la double authentification à la première connexion, la structure, puis les espaces de travail.</source>
        <translation>The portal sends the activation mail to {email}. Follow the four stages below in the portal&apos;s order: the activation link and the password, two-factor authentication at the first login, the structure, then the workspaces.</translation>
    </message>
    <message>
        <source>1. Activez votre compte et choisissez votre mot de passe</source>
        <extracomment>Step 4&apos;s panels in the portal&apos;s order: (title, checklist).</extracomment>
        <translation>1. Activate your account and choose your password</translation>
    </message>
    <message>
        <source>Ouvrez le lien du courriel d&apos;activation dans les 60 minutes&#xa0;: dites à l&apos;assistant quand le courriel est arrivé, il vous indiquera l&apos;heure limite. Lien expiré&#xa0;: demandez-en un nouveau sur le portail.</source>
        <translation>Open the activation mail&apos;s link within 60 minutes: tell the assistant when the mail arrived and it will show the deadline. Link expired: ask the portal for a new one.</translation>
    </message>
    <message>
        <source>Le lien mène au choix du mot de passe (et de sa confirmation)&#xa0;: il n&apos;y a plus de question secrète.</source>
        <translation>The link leads to choosing the password (and confirming it): there is no secret question any more.</translation>
    </message>
    <message>
        <source>2. Première connexion&#xa0;: la double authentification</source>
        <translation>2. First login: two-factor authentication</translation>
    </message>
    <message>
        <source>Connectez-vous avec votre adresse de connexion et votre mot de passe&#xa0;: le portail envoie un code à 6 chiffres à cette adresse. Saisissez-le.</source>
        <translation>Log in with your login address and your password: the portal sends a 6-digit code to that address. Type it in.</translation>
    </message>
    <message>
        <source>Le portail vous fait alors configurer une application d&apos;authentification (FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator, gratuites)&#xa0;: scannez le code QR affiché avec votre téléphone, puis saisissez le code à 6 chiffres que l&apos;application affiche. Une clé de sécurité convient aussi.</source>
        <translation>The portal then has you set up an authenticator app (FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator, all free): scan the QR code shown with your phone, then type the 6-digit code the app shows. A security key works too.</translation>
    </message>
    <message>
        <source>Ensuite, chaque connexion demande votre mot de passe et le code du moment de l&apos;application. Gardez ce téléphone&#xa0;: sans lui, seul le support peut vous rendre l&apos;accès.</source>
        <translation>From then on, every login asks for your password and the app&apos;s current code. Keep this phone: without it, only support can give you access back.</translation>
    </message>
    <message>
        <source>3. Créez votre structure, ou demandez votre rattachement</source>
        <translation>3. Create your structure, or ask to join it</translation>
    </message>
    <message>
        <source>Une fois connecté, choisissez «&#xa0;Créer une nouvelle structure&#xa0;»&#xa0;: choisissez le type d&apos;identifiant, saisissez l&apos;identifiant, puis les valeurs ci-dessous.</source>
        <translation>Once logged in, choose “Créer une nouvelle structure”: pick the identifier type, type the identifier, then the values below.</translation>
    </message>
    <message>
        <source>Si le portail indique que la structure existe déjà, demandez votre rattachement&#xa0;: son gestionnaire principal le validera.</source>
        <translation>If the portal says the structure already exists, ask to join it: its main manager will approve.</translation>
    </message>
    <message>
        <source>4. Ouvrez vos espaces de travail</source>
        <translation>4. Open your workspaces</translation>
    </message>
    <message>
        <source>Dans la gestion de vos espaces de travail, passez à OUI les espaces choisis à l&apos;étape 3.</source>
        <translation>In your workspace management, switch to OUI the workspaces chosen at step 3.</translation>
    </message>
    <message>
        <source>J&apos;ai activé mon compte, configuré la double authentification et créé (ou demandé) ma structure sur le portail</source>
        <translation>I have activated my account, set up two-factor authentication and created (or asked to join) my structure on the portal</translation>
    </message>
    <message>
        <source>Type d&apos;identifiant</source>
        <extracomment>The identifier type as the portal&apos;s structure form lists it.</extracomment>
        <translation>Identifier type</translation>
    </message>
    <message>
        <source>Adresse électronique de contact</source>
        <translation>Contact email address</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>Identifiant de la structure</source>
        <translation>Structure identifier</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>Bac à sable</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Chorus Pro — qualification</source>
        <translation>Chorus Pro — qualification</translation>
    </message>
    <message>
        <source>Chorus Pro — production</source>
        <translation>Chorus Pro — production</translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>Quel est le nom de votre premier animal de compagnie&#xa0;?</source>
        <translation>What was the name of your first pet?</translation>
    </message>
    <message>
        <source>Dans quelle ville êtes-vous né(e)&#xa0;?</source>
        <translation>In what town or city were you born?</translation>
    </message>
    <message>
        <source>Quel est le nom de jeune fille de votre mère&#xa0;?</source>
        <translation>What is your mother&apos;s maiden name?</translation>
    </message>
    <message>
        <source>Quel est le nom de votre école primaire&#xa0;?</source>
        <translation>What was the name of your primary school?</translation>
    </message>
    <message>
        <source>Quel était le modèle de votre première voiture&#xa0;?</source>
        <translation>What was the model of your first car?</translation>
    </message>
    <message>
        <source>Quel est le prénom de votre meilleur(e) ami(e) d&apos;enfance&#xa0;?</source>
        <translation>What is the first name of your best childhood friend?</translation>
    </message>
    <message>
        <source>Quel est le titre de votre livre préféré&#xa0;?</source>
        <translation>What is the title of your favourite book?</translation>
    </message>
</context>
<context>
    <name>recap</name>
    <message>
        <source>Récapitulatif de l&apos;inscription à Chorus Pro</source>
        <translation>Summary of the Chorus Pro signup</translation>
    </message>
    <message>
        <source>Ce document ne contient ni votre mot de passe, ni la réponse à votre question secrète, ni le code d&apos;activation&#xa0;: ne les notez jamais à côté.</source>
        <translation>This document contains neither your password, nor the answer to your secret question, nor the activation code: never write them down next to it.</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>pas encore choisis</source>
        <translation>not chosen yet</translation>
    </message>
    <message>
        <source>Compte activé</source>
        <translation>Account activated</translation>
    </message>
    <message>
        <source>Compte créé, en attente d&apos;activation (courriel envoyé)</source>
        <translation>Account created, waiting for activation (email sent)</translation>
    </message>
    <message>
        <source> (ouvert d&apos;office au gestionnaire principal)</source>
        <translation> (opened for the main manager as a matter of course)</translation>
    </message>
    <message>
        <source>Compte pas encore créé</source>
        <translation>Account not created yet</translation>
    </message>
    <message>
        <source>Structure déjà inscrite&#xa0;: demande de rattachement</source>
        <translation>Structure already registered: attachment request</translation>
    </message>
    <message>
        <source>Compte activé, double authentification pas encore configurée</source>
        <extracomment>Today&apos;s portal path (``--parcours portail-actuel``): where its account stands.</extracomment>
        <translation>Account activated, two-factor authentication not set up yet</translation>
    </message>
    <message>
        <source>Compte activé, double authentification configurée (application)</source>
        <translation>Account activated, two-factor authentication set up (app)</translation>
    </message>
    <message>
        <source>Compte d&apos;essai activé avec double authentification dans le bac à sable (pas sur Chorus Pro)</source>
        <translation>Trial account activated with two-factor authentication in the sandbox (not on Chorus Pro)</translation>
    </message>
    <message>
        <source>Créée&#xa0;: vous en êtes le gestionnaire principal</source>
        <translation>Created: you are its main manager</translation>
    </message>
    <message>
        <source>Rattachement demandé (la structure existait déjà)</source>
        <translation>Request to join sent (the structure already existed)</translation>
    </message>
    <message>
        <source>Pas encore enregistrée</source>
        <translation>Not registered yet</translation>
    </message>
    <message>
        <source>Ce document ne contient ni votre mot de passe, ni un code de connexion, ni le lien de votre application d&apos;authentification&#xa0;: ne les notez jamais à côté.</source>
        <translation>This document contains neither your password, nor a login code, nor your authenticator app&apos;s link: never write them down next to it.</translation>
    </message>
    <message>
        <source>aucun&#xa0;: le gestionnaire de la structure doit d&apos;abord accepter votre demande</source>
        <translation>none: the structure&apos;s manager must accept your request first</translation>
    </message>
    <message>
        <source>le {date} à {hour} h {minute}</source>
        <extracomment>Under the title: a rehearsal on the sandbox says it is not a registration (&quot;&quot; if real).</extracomment>
        <translation>on {date} at {hour}:{minute}</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Numéro du compte utilisateur</source>
        <translation>User account number</translation>
    </message>
    <message>
        <source>Numéro de la structure</source>
        <translation>Structure number</translation>
    </message>
    <message>
        <source>Compte utilisateur</source>
        <translation>User account</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Fonctionnalités</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Espaces de travail ouverts</source>
        <translation>Open workspaces</translation>
    </message>
    <message>
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Établi {date}</source>
        <translation>Drawn up {date}</translation>
    </message>
    <message>
        <source>Facturation électronique&#xa0;: ce qui suit pour vous</source>
        <translation>Electronic invoicing: what follows for you</translation>
    </message>
    <message>
        <source>Catégorie d&apos;entreprise</source>
        <translation>Company category</translation>
    </message>
    <message>
        <source>Annuaire&#xa0;: {url} (mode d&apos;emploi&#xa0;: {guide})</source>
        <translation>Electronic invoicing directory: {url} (how to use it: {guide})</translation>
    </message>
    <message>
        <source>  {label}&#xa0;: {value}</source>
        <translation>  {label}: {value}</translation>
    </message>
</context>
<context>
    <name>rehearsal</name>
    <message>
        <source>Répétition sur le bac à sable&#xa0;: rien n&apos;est envoyé à Chorus Pro et aucun compte n&apos;y est créé. Pour vous inscrire pour de bon&#xa0;: le portail {portal}, ou l&apos;assistant en mode portail («&#xa0;Plus › Paramètres&#xa0;»).</source>
        <translation>Rehearsal on the sandbox: nothing is sent to Chorus Pro and no account is created there. To register for real: the portal {portal}, or the wizard in portal mode (“More › Settings”).</translation>
    </message>
    <message>
        <source>En cliquant sur «&#xa0;Valider&#xa0;», un compte d&apos;essai et sa structure sont créés dans le bac à sable, comme Chorus Pro le ferait, et un courriel d&apos;activation d&apos;essai vous est envoyé. Rien n&apos;est créé sur Chorus Pro.</source>
        <extracomment>Step 2&apos;s note above « Valider », in a rehearsal (the guide&apos;s says the account is created on Chorus Pro, for good).</extracomment>
        <translation>When you click “Confirm”, a trial account and its structure are created in the sandbox, as Chorus Pro would, and a trial activation email is sent to you. Nothing is created on Chorus Pro.</translation>
    </message>
    <message>
        <source>Répétition terminée</source>
        <translation>Rehearsal finished</translation>
    </message>
    <message>
        <source>La répétition est réussie, mais ce compte d&apos;essai n&apos;existe que dans le bac à sable&#xa0;: vous n&apos;êtes pas inscrit sur Chorus Pro et ne pouvez pas y transmettre de factures.</source>
        <translation>The rehearsal succeeded, but this trial account exists only in the sandbox: you are not registered on Chorus Pro and cannot send invoices there.</translation>
    </message>
    <message>
        <source>Pour vous inscrire pour de bon, créez votre compte sur le portail {portal}, ou relancez chorus-wizard en mode portail («&#xa0;Plus › Paramètres&#xa0;», serveur Production, ou chorus-wizard --backend production)&#xa0;: il vérifie et prépare vos données, puis vous guide sur le portail.</source>
        <translation>To register for real, create your account on the portal {portal}, or start chorus-wizard again in portal mode (“More › Settings”, server Production, or chorus-wizard --backend production): it checks and prepares your data, then guides you on the portal.</translation>
    </message>
    <message>
        <source>RÉPÉTITION sur le bac à sable de chorus-wizard&#xa0;: ce document ne prouve aucune inscription à Chorus Pro. Pour vous inscrire pour de bon&#xa0;: {portal} (ou chorus-wizard en mode portail).</source>
        <translation>REHEARSAL on the chorus-wizard sandbox: this document proves no registration on Chorus Pro. To register for real: {portal} (or chorus-wizard in portal mode).</translation>
    </message>
    <message>
        <source>Compte d&apos;essai activé dans le bac à sable (pas sur Chorus Pro)</source>
        <translation>Trial account activated in the sandbox (not on Chorus Pro)</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>Un code postal français comporte 5 chiffres.</source>
        <extracomment>Words (or INSEE codes) of a thoroughfare: where the street part of a line starts. Words (or codes) of an area, a building group or a place name without a street. Repetition indices (INSEE writes B, T, Q, C or the whole word). Special distribution: post-office box, CEDEX sorting box, free-post number… First postal code of each city&apos;s arrondissements (Paris 75001…, Lyon 69001…, Marseille 13001…). Overseas collectivities that have their own ISO 3166 code, by postal code and commune code. Monaco: French postal codes 980xx, but a country of its own. True when the fields were moved around or incomplete: the user should check them.</extracomment>
        <translation>A French postcode has 5 digits.</translation>
    </message>
    <message>
        <source>Ce numéro international n&apos;est pas valide&#xa0;: vérifiez l&apos;indicatif du pays et le nombre de chiffres.</source>
        <translation>This international number is not valid: check the country code and the number of digits.</translation>
    </message>
    <message>
        <source>Un numéro de téléphone français comporte 10&#xa0;chiffres (01&#xa0;23&#xa0;45&#xa0;67&#xa0;89)&#xa0;; un numéro étranger commence par +&#xa0;et l&apos;indicatif du pays.</source>
        <translation>A French telephone number has 10 digits (01 23 45 67 89); a foreign number starts with + and the country code.</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>Aucun compte technique Chorus Pro n&apos;est configuré&#xa0;: l&apos;assistant ne peut pas interroger Chorus Pro. Renseignez l&apos;application PISTE et le compte technique dans «&#xa0;Paramètres&#xa0;».</source>
        <translation>No Chorus Pro technical account is configured: the wizard cannot query Chorus Pro. Enter the PISTE application and the technical account in “Settings”.</translation>
    </message>
    <message>
        <source>Catalogue des espaces de travail illisible.</source>
        <translation>Unreadable workspace catalogue.</translation>
    </message>
    <message>
        <source>Ce service n&apos;existe que sur le portail Chorus Pro&#xa0;: l&apos;API ne permet pas de créer un compte. Poursuivez sur {portal}</source>
        <translation>This service only exists on the Chorus Pro portal: the API cannot create accounts. Continue on {portal}</translation>
    </message>
    <message>
        <source>Demande refusée (HTTP {status}).</source>
        <translation>Request refused (HTTP {status}).</translation>
    </message>
    <message>
        <source>Politique de mot de passe illisible.</source>
        <translation>Unreadable password policy.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Les paramètres enregistrés n&apos;ont pas pu être relus&#xa0;: {why}. Les valeurs par défaut s&apos;appliquent&#xa0;; vérifiez «&#xa0;Plus › Paramètres&#xa0;».</source>
        <extracomment>The rehearsal&apos;s paths (``--parcours``): the guide&apos;s four steps, or today&apos;s portal. Entered by hand when known (the portal shows it), for the 424-day reminder. Interface language (``fr`` or ``en``), used from the next start; ``--lang`` wins. The rehearsal&apos;s path (one of :data:`PATHS`), used from the next start with a sandbox; &quot;&quot; when none is chosen (then a training room&apos;s, else the guide&apos;s). ``--parcours`` wins.</extracomment>
        <translation>The saved settings could not be read back: {why}. The default values apply; check “More › Settings”.</translation>
    </message>
    <message>
        <source>Les paramètres enregistrés n&apos;ont pas pu être relus&#xa0;: {why}. Le fichier a été mis de côté ({file}) et les valeurs par défaut s&apos;appliquent&#xa0;; vérifiez «&#xa0;Plus › Paramètres&#xa0;».</source>
        <translation>The saved settings could not be read back: {why}. The file has been set aside ({file}) and the default values apply; check “More › Settings”.</translation>
    </message>
</context>
<context>
    <name>signup</name>
    <message>
        <source>Adresse électronique de connexion</source>
        <extracomment>A rule: why ``value`` cannot be sent, given the whole record (French, translatable); None when it can. The length and control-character rule applies to every text field anyway. The column in the sandbox&apos;s database when it is not :attr:`name`. Every field of the signup, in the order of the pages. Labels are French; they are shown through ``translate(&quot;signup&quot;, label)``.</extracomment>
        <translation>Login email address</translation>
    </message>
    <message>
        <source>Type d&apos;identifiant</source>
        <translation>Identifier type</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>Raison sociale</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Libellé de la structure</source>
        <translation>Structure display name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Complément adresse 1</source>
        <translation>Additional address line 1</translation>
    </message>
    <message>
        <source>Complément adresse 2</source>
        <translation>Additional address line 2</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Déposer des demandes de paiement</source>
        <translation>Submit payment requests</translation>
    </message>
    <message>
        <source>Créer et/ou consulter des DUME</source>
        <translation>Create and/or view ESPDs (DUME)</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Réponse à la question secrète</source>
        <translation>Answer to the secret question</translation>
    </message>
    <message>
        <source>Lien ou code d&apos;activation</source>
        <translation>Activation link or code</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Le champ «&#xa0;{label}&#xa0;» ne peut pas contenir de retour à la ligne.</source>
        <translation>The field “{label}” cannot contain a line break.</translation>
    </message>
    <message>
        <source>Ce champ ne peut pas contenir de retour à la ligne.</source>
        <translation>This field cannot contain a line break.</translation>
    </message>
    <message>
        <source>Le champ «&#xa0;{label}&#xa0;» contient un caractère invisible (caractère de contrôle)&#xa0;: retapez-le.</source>
        <translation>The field “{label}” contains an invisible (control) character: type it again.</translation>
    </message>
    <message>
        <source>Ce champ contient un caractère invisible (caractère de contrôle)&#xa0;: retapez-le.</source>
        <translation>This field contains an invisible (control) character: type it again.</translation>
    </message>
    <message>
        <source>Le champ «&#xa0;{label}&#xa0;» dépasse {limit} caractères.</source>
        <translation>The field “{label}” is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>Ce champ dépasse {limit} caractères.</source>
        <translation>This field is longer than {limit} characters.</translation>
    </message>
</context>
<context>
    <name>today</name>
    <message>
        <source>Créez votre compte</source>
        <extracomment>The values of ``--parcours`` (and of the Paramètres and a scenario&apos;s ``parcours``). The path&apos;s pages before its end, in order; ``today_reached`` steps done lead to ``ROUTE[today_reached]``. The steps done so far (``TodayState.reached``). The path&apos;s steps as the resume offer names them (the pages&apos; titles say the same).</extracomment>
        <translation>Create your account</translation>
    </message>
    <message>
        <source>Activez votre compte</source>
        <translation>Activate your account</translation>
    </message>
    <message>
        <source>Connectez-vous</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Votre structure et vos espaces</source>
        <translation>Your structure and workspaces</translation>
    </message>
    <message>
        <source>Trop de tentatives infructueuses&#xa0;: votre compte est bloqué pendant une heure, jusqu&apos;à {hour}&#xa0;h&#xa0;{minute}. Reconnectez-vous ensuite.</source>
        <extracomment>The ``otpauth://`` URI while the authenticator is enrolled. The steps done: 0, then :data:`ACCOUNT_CREATED`, :data:`ACTIVATED`, :data:`LOGGED_IN`. The structure&apos;s outcome once sent (``StructureOutcome``&apos;s value), else &quot;&quot;. Where a refusal happened: the same code means different things on each page.</extracomment>
        <translation>Too many failed attempts: your account is locked for an hour, until {hour}:{minute}. Log in again then.</translation>
    </message>
    <message>
        <source>Le champ «&#xa0;Adresse électronique de connexion&#xa0;» n&apos;est pas une adresse valide&#xa0;: elle doit avoir la forme nom@domaine.fr.</source>
        <translation>The “Login email address” field is not a valid address: it must look like name@domain.com.</translation>
    </message>
    <message>
        <source>Un compte Chorus Pro existe déjà pour l&apos;adresse {email}&#xa0;: connectez-vous avec cette adresse.</source>
        <translation>A Chorus Pro account already exists for {email}: log in with this address.</translation>
    </message>
    <message>
        <source>Le mot de passe ne respecte pas toutes les règles de sécurité&#xa0;: corrigez les règles signalées.</source>
        <translation>The password does not meet every security rule: fix the rules marked.</translation>
    </message>
    <message>
        <source>Ce lien d&apos;activation a expiré (il n&apos;est valable que 60 minutes). Créez de nouveau votre compte.</source>
        <translation>This activation link has expired (it is valid for 60 minutes only). Create your account again.</translation>
    </message>
    <message>
        <source>Votre connexion a expiré ou n&apos;existe pas&#xa0;: reconnectez-vous avec votre adresse et votre mot de passe.</source>
        <translation>Your login has expired or does not exist: log in again with your address and password.</translation>
    </message>
    <message>
        <source>Cette structure existe déjà sur Chorus Pro&#xa0;: demandez-y votre rattachement.</source>
        <translation>This structure already exists on Chorus Pro: ask to join it.</translation>
    </message>
    <message>
        <source>Ce lien d&apos;activation n&apos;est pas valable&#xa0;: il a peut-être déjà servi. Utilisez le lien du dernier courriel reçu.</source>
        <translation>This activation link is not valid: it may have been used already. Use the link of the latest email received.</translation>
    </message>
    <message>
        <source>Adresse électronique ou mot de passe incorrect, ou compte pas encore activé.</source>
        <translation>Wrong email address or password, or account not activated yet.</translation>
    </message>
    <message>
        <source>Ce code n&apos;est pas le bon, ou il a expiré ou déjà servi&#xa0;: saisissez le dernier code reçu par courriel, ou celui que votre application affiche en ce moment (vérifiez que l&apos;heure du téléphone est juste).</source>
        <translation>This code is wrong, expired or already used: type the latest code received by email, or the one your app shows right now (check that your phone&apos;s clock is right).</translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d&apos;être envoyé à {email}&#xa0;: saisissez-le (il est valable {minutes}&#xa0;minutes).</source>
        <translation>A 6-digit code has just been sent to {email}: type it (it is valid for {minutes} minutes).</translation>
    </message>
    <message>
        <source>Code accepté. Configurez maintenant votre application d&apos;authentification&#xa0;: scannez le code QR, puis saisissez le code à 6 chiffres qu&apos;elle affiche.</source>
        <translation>Code accepted. Now set up your authenticator app: scan the QR code, then type the 6-digit code it shows.</translation>
    </message>
    <message>
        <source>Saisissez le code à 6 chiffres de votre application d&apos;authentification.</source>
        <translation>Type the 6-digit code of your authenticator app.</translation>
    </message>
    <message>
        <source>Application d&apos;authentification configurée&#xa0;: vous êtes connecté. Chaque connexion demandera désormais votre mot de passe et le code de l&apos;application.</source>
        <translation>Authenticator app set up: you are logged in. Every login will now ask for your password and the app&apos;s code.</translation>
    </message>
    <message>
        <source>Vous êtes connecté.</source>
        <translation>You are logged in.</translation>
    </message>
    <message>
        <source>Votre compte d&apos;essai existe déjà pour {email}. Si vous quittez maintenant, l&apos;inscription reste en attente&#xa0;: au prochain lancement, «&#xa0;Reprendre&#xa0;» la poursuit (un mot de passe ou un code saisi ici n&apos;est jamais gardé). Quitter quand même&#xa0;?</source>
        <translation>Your trial account already exists for {email}. If you quit now, the signup stays pending: at the next start, “Resume” carries it on (a password or code typed here is never kept). Quit anyway?</translation>
    </message>
    <message>
        <source>Lecture du courriel…</source>
        <extracomment>The mail shown, while it is.</extracomment>
        <translation>Reading the email…</translation>
    </message>
    <message>
        <source>Aucun courriel pour le moment.</source>
        <translation>No email yet.</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Factures émises</source>
        <translation>Invoices sent</translation>
    </message>
    <message>
        <source>Déposer ou saisir les factures destinées à vos clients publics et suivre leur traitement jusqu&apos;au paiement.</source>
        <translation>Upload or type in the invoices for your public-sector customers and follow them until they are paid.</translation>
    </message>
    <message>
        <source>Sollicitations émises</source>
        <translation>Requests sent</translation>
    </message>
    <message>
        <source>Poser une question ou signaler une difficulté au support Chorus Pro ou à un client public, et suivre les réponses.</source>
        <translation>Ask a question or report a problem to Chorus Pro support or to a public-sector customer, and follow the answers.</translation>
    </message>
    <message>
        <source>Factures reçues</source>
        <translation>Invoices received</translation>
    </message>
    <message>
        <source>Consulter les factures que d&apos;autres structures vous adressent par Chorus Pro (utile surtout aux entités publiques).</source>
        <translation>See the invoices other organisations send you through Chorus Pro (mostly useful to public bodies).</translation>
    </message>
    <message>
        <source>Sollicitations reçues</source>
        <translation>Requests received</translation>
    </message>
    <message>
        <source>Traiter les questions que d&apos;autres utilisateurs de Chorus Pro adressent à votre structure.</source>
        <translation>Handle the questions other Chorus Pro users send to your organisation.</translation>
    </message>
    <message>
        <source>Factures de travaux</source>
        <translation>Works invoices</translation>
    </message>
    <message>
        <source>Déposer et suivre les documents d&apos;un marché de travaux&#xa0;: projets de décompte mensuel ou final, états d&apos;acompte.</source>
        <translation>Upload and follow the documents of a public works contract: draft monthly or final statements, interim payment statements.</translation>
    </message>
    <message>
        <source>Factures à valider</source>
        <translation>Invoices to approve</translation>
    </message>
    <message>
        <source>Valider les factures qui vous sont soumises, par exemple celles d&apos;un sous-traitant quand vous êtes titulaire du marché.</source>
        <translation>Approve the invoices submitted to you, for example a subcontractor&apos;s when you hold the contract.</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Consulter les engagements juridiques (bons de commande) que vos clients publics ont émis à votre intention.</source>
        <translation>See the legal commitments (purchase orders) your public-sector customers have issued to you.</translation>
    </message>
    <message>
        <source>Mémoires de frais de justice</source>
        <translation>Court expense claims</translation>
    </message>
    <message>
        <source>Déposer des mémoires de frais de justice (experts, interprètes, traducteurs requis par une juridiction).</source>
        <translation>Upload court expense claims (experts, interpreters, translators appointed by a court).</translation>
    </message>
    <message>
        <source>Demande de remboursement TIC</source>
        <translation>TIC refund request</translation>
    </message>
    <message>
        <source>Demander le remboursement partiel de la taxe intérieure de consommation sur le carburant (exploitants agricoles).</source>
        <translation>Claim the partial refund of the domestic consumption tax on fuel (farmers).</translation>
    </message>
    <message>
        <source>Raccordements EDI/API</source>
        <translation>EDI/API connections</translation>
    </message>
    <message>
        <source>Raccorder votre logiciel de facturation à Chorus Pro (EDI ou API) et gérer le compte technique.</source>
        <translation>Connect your invoicing software to Chorus Pro (EDI or API) and manage the technical account.</translation>
    </message>
    <message>
        <source>Activités du gestionnaire</source>
        <translation>Manager&apos;s activities</translation>
    </message>
    <message>
        <source>Gérer la structure, ses services, ses utilisateurs et les demandes de rattachement.</source>
        <translation>Manage the organisation, its departments, its users and the attachment requests.</translation>
    </message>
    <message>
        <source>Mon compte</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>Gérer vos informations personnelles, votre mot de passe et vos rattachements aux structures.</source>
        <translation>Manage your personal details, your password and your attachments to organisations.</translation>
    </message>
</context>
</TS>
