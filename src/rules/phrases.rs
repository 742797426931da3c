//! Phrase tables: page furniture, feed headings, caption and credit cues.
//!
//! All entries are lower case and matched against lower-cased block text.
//! "Labels" must be the whole block (after `label_key` trims decoration);
//! "phrases" may appear anywhere in a block. Several languages sit in one
//! table: a phrase from another language simply never matches.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::{alternation, compile, phrase_matcher, trim_label};

/// Words a gallery counter opens with ("Image 1 of 5").
#[rustfmt::skip]
pub(crate) const GALLERY_WORDS: &[&str] = &[
    "afbeelding", "bild", "foto", "fotografia", "image", "imagen", "immagine", "photo", "picture",
    "slide", "zdjęcie", "изображение", "фото",
];

/// Whole-block UI labels: navigation, buttons, form chrome, share bars.
/// Add an entry when a short line is furniture on any site that shows it.
#[rustfmt::skip]
pub(crate) const BOILERPLATE_LABELS: &[&str] = &[
    "a a", "aa", "abbonati", "abmelden", "abone ol", "abonează-te", "abonneren", "abonnez-vous",
    "abonnieren", "about", "about us", "accedi", "accept", "accept all", "accept and continue",
    "accept cookies", "accept tot", "accepter", "acceptera", "acceptera alla", "accepteren",
    "acceptă", "acceptă toate", "accetta", "accetta e continua", "accetta tutto", "account",
    "aceitar", "aceitar e continuar", "aceitar todos", "aceptar", "aceptar todo",
    "aceptar y continuar", "ad", "add comment", "add to cart", "ads", "advertise", "advertisement",
    "advertising", "agree", "akceptuj", "akceptuj wszystko", "akceptuję", "akzeptieren", "all",
    "alle ablehnen", "alle akzeptieren", "aller au contenu", "aller au contenu principal",
    "alles accepteren", "allow", "anhören", "anmelden", "anmelden oder registrieren", "annonce",
    "anuncio", "anzeige", "archiv", "archive", "archives", "artikel anhören",
    "artikel verschenken", "ascolta", "ascolta l'articolo", "ascultă", "ascultă articolul",
    "assinar", "assine", "ausgabe kaufen", "autentificare", "avvisa", "ayarlar", "back",
    "back to top", "bağlantıyı kopyala", "beluister", "bookmark", "buscar", "cadeau geven",
    "cancel", "cancel reply", "categories", "caută", "cerca", "cerrar", "chiudi", "close",
    "close menu", "comentarii", "comentarios", "comentários", "comment", "commenti", "comments",
    "compartilhar", "compartilhe", "compartir", "condividi", "configuración", "configurar",
    "connexion", "contact", "contact us", "continue reading", "continuer sans accepter",
    "cookie preferences", "cookie settings", "cookie-einstellungen", "cookies", "copia link",
    "copiar enlace", "copiar link", "copiază linkul", "copier le lien", "copy link", "copy url",
    "customise", "customize", "datenschutz", "datenschutzerklärung", "dela", "delen", "deutsch",
    "dinle", "diskuse", "distribuie", "download", "drucken", "drukuj", "e-mail", "edit",
    "edit post", "einstellungen", "email", "english", "enter", "entrar", "escuchar",
    "escuchar artículo", "escuchar noticia", "español", "facebook", "fechar", "feedback", "fermer",
    "follow", "follow us", "font size", "français", "följ", "ga naar inhoud", "ge bort artikeln",
    "gestionar cookies", "gestisci", "gift article", "gift this article", "giriş yap", "go",
    "godkänn", "godkänn alla", "guardar", "gérer les cookies", "gérer mes choix", "haberi dinle",
    "help", "hledat", "home", "homepage", "hoppa till innehållet", "i agree", "impostazioni",
    "impressum", "imprimer", "imprimir", "inhaltsverzeichnis", "iniciar sesión", "inloggen",
    "instagram", "instellingen", "inställningar", "ir al contenido", "ir para o conteúdo",
    "italiano", "içeriğe geç", "jump to recipe", "kabul et", "kapat", "kaydet", "komentarze",
    "kommentare", "kommentarer", "kommentieren", "kontakt", "kopiera länk", "kopiuj link",
    "kopírovat odkaz", "leave a comment", "leave a reply", "leer más", "leggi anche",
    "leggi di più", "lesen sie auch", "lien copié", "link copied", "link kopieren", "link kopiert",
    "link kopiëren", "linkedin", "linki kopyala", "lire la suite", "listen", "listen to article",
    "listen to this article", "load more", "loading", "log in", "log out", "logga in", "login",
    "logout", "luister", "lyssna", "lyssna på artikeln", "main menu", "manage cookies",
    "manage options", "manage preferences", "mehr", "mehr anzeigen", "mehr lesen", "mein konto",
    "mentions légales", "menu", "menü", "merken", "mon compte", "more", "more news",
    "more options", "more stories", "más opciones", "naar de inhoud", "nastavení", "navigation",
    "newsletter", "next", "next article", "next post", "no comments", "odmítnout", "odrzuć",
    "offrir", "offrir cet article", "ok", "older posts", "open", "open menu", "opslaan", "ouvir",
    "ouvir matéria", "ouvir notícia", "ouça", "paramétrer", "partager", "paylaş", "permalien",
    "permalink", "personalizar", "personalizza", "personnaliser", "pesquisar", "pinterest",
    "plan du site", "poslechnout", "poslechněte si článek", "post comment", "post on x",
    "posłuchaj", "prenumerera", "presentear", "previous", "previous article", "previous post",
    "previous post next post", "print", "print article", "print this article", "printen",
    "privacy", "privacy policy", "przejdź do treści", "pubblicità", "publicidad", "publicité",
    "pular para o conteúdo", "předplatit", "přejít na obsah", "přihlásit", "přihlásit se",
    "přijmout", "přijmout vše", "reacties", "read next", "rechazar", "rechazar todo", "recherche",
    "rechercher", "reddet", "refuz", "regala", "regala l'articolo", "regalar", "regalar artículo",
    "register", "registrarse", "registrati", "reject", "reject all", "rejeitar", "reklama",
    "reply", "report", "rifiuta", "rifiuta tutto", "rss", "s'abonner", "salt la conținut",
    "salta al contenuto", "saltar al contenido", "salva", "salvar", "salvează", "save",
    "save article", "save for later", "schließen", "sdílet", "se connecter", "search",
    "search for", "see all", "see more", "send", "settings", "setări", "share", "share article",
    "share on facebook", "share on twitter", "share on x", "share this", "share this article",
    "share this story", "show comments", "show more", "sign in", "sign in to comment", "sign out",
    "sign up", "sitemap", "skip to content", "skip to footer", "skip to main content",
    "skip to navigation", "skip to search", "skriv ut", "sledovat", "sluiten", "spara",
    "sponsored", "stampa", "stäng", "submit", "subscribe", "subscribe now", "subskrybuj", "suche",
    "suche nach", "suchen", "suscríbete", "szukaj", "sök", "słuchaj", "table of contents",
    "takip et", "teilen", "teilen mit", "telegram", "terms", "terms of use", "text size",
    "toggle navigation", "top", "tout accepter", "tout refuser", "tweet", "twitter",
    "tümünü kabul et", "udostępnij", "uložit", "urmărește", "ustawienia", "vai al contenuto",
    "verschenken", "video", "view all", "view comments", "voir plus", "vorlesen", "vytisknout",
    "weigeren", "weiterlesen", "werbung", "whatsapp", "x", "x (twitter)", "yazdır", "yorumlar",
    "youtube", "zaakceptuj", "zaloguj", "zaloguj się", "zamknij", "zapisz", "zavřít", "zoeken",
    "zum hauptinhalt springen", "zum inhalt springen", "zur navigation springen",
    "zur suche springen", "zurück", "zustimmen", "zustimmen und weiter", "écouter",
    "écouter cet article", "închide", "войти", "відхилити", "закрити", "закрыть", "зберегти",
    "коментарі", "комментарии", "копировать ссылку", "копіювати посилання", "налаштування",
    "настройки", "отклонить", "перейти до змісту", "перейти к содержанию", "поделиться",
    "подписаться", "поділитися", "поиск", "послухати", "пошук", "прийняти", "прийняти все",
    "принять", "принять все", "підписатися", "реклама", "слухати", "слушать", "сохранить",
    "стежити", "увійти",
];

/// Phrases that mark a block as furniture wherever they appear in it, when
/// the block is no longer than `classify`'s furniture length limit.
#[rustfmt::skip]
pub(crate) const BOILERPLATE_PHRASES: &[&str] = &[
    "a version of this article appeared", "a version of this article appears",
    "a version of this story appeared", "abonează-te la newsletter", "accept cookies",
    "aceptar cookies", "adresse e-mail", "advertising disclosure", "affiliate link",
    "affiliatelink", "akismet", "all rights reserved", "alle pressemitteilungen",
    "alle rechte vorbehalten", "alle rechten voorbehouden", "already a subscriber",
    "already have an account", "angaben ohne gewähr", "article gratuit", "articles gratuits",
    "articoli gratuiti", "artigos gratuitos", "artikel teilen", "artículos gratuitos",
    "auch interessant", "audio is created", "auf einer seite lesen", "avec votre accord",
    "bekijk dit bericht op instagram", "by taboola", "bültenimize abone",
    "cet article vous a-t-il été utile", "cette vidéo", "comment by", "comparte este",
    "confirmation email", "contraseña", "cookie policy", "cookie settings", "cookies to",
    "copyright ©", "copyrighted property", "correo electrónico", "create an account",
    "create your free account", "darmowych artykułów", "data protection", "deja un comentario",
    "den här webbplatsen använder", "derechos reservados", "deze website gebruikt cookies",
    "diese website verwendet cookies", "diesen beitrag auf instagram ansehen",
    "dieser artikel erschien", "diritti riservati", "do you have a story for us", "dona ahora",
    "dona ora", "donate now", "download the app", "droits réservés", "du bist hier",
    "e-mail-adresse", "ebenfalls interessant", "email address",
    "empfohlener redaktioneller inhalt", "enable javascript", "enter your email",
    "explore further", "externer inhalt", "faire un don", "fandest du den artikel hilfreich",
    "first month for", "follow the topics in this article", "follow us", "follow us on twitter",
    "folosim cookie", "folosim module cookie", "for the full story", "forgot password",
    "forgot your password", "free article", "free articles", "get the latest",
    "gizliliğinize önem veriyoruz", "got a story for us", "gratis artikelen", "hasło",
    "have you got a story", "hinterlasse eine antwort", "how useful was this post", "hírlevél",
    "immediate online access", "imprimer la recette", "imprimir receta", "indicates required",
    "indirizzo email", "inscrivez-vous à la newsletter", "instant access to", "iscriviti alla",
    "javascript is disabled", "javascript must be enabled", "jesteś tutaj", "jetzt abonnieren",
    "jetzt spenden", "jetzt teilen", "jetzt unterstützen", "kommentar schreiben",
    "kommentieren sie", "korzystamy z plików cookie", "kostenlose artikel",
    "laisser un commentaire", "lascia un commento", "leave a comment", "leave a reply",
    "lesen sie auch", "lgpd", "listen to this article", "mehr erfahren", "mehr lesen über",
    "mit freunden teilen", "mot de passe", "mot de passe oublié", "más sobre", "neues passwort",
    "newsletter", "nie pamiętasz hasła", "no seu e-mail", "no seu email",
    "nos partenaires et nous", "nous respectons votre vie privée", "nyhedsbrev", "nyhetsbrev",
    "nós e nossos parceiros", "olvidaste tu contraseña", "on twitter and instagram",
    "online-pressemappe", "otras noticias", "our partners use", "paid content", "partager sur",
    "password", "password dimenticata", "passwort", "passwort vergessen", "passwort zurücksetzen",
    "pflichtfeld", "please enable", "používáme cookies", "používáme soubory cookie",
    "prenumerera på vårt nyhetsbrev", "pressekontakt", "print recipe", "privacy policy",
    "promoted links", "přihlaste se k odběru", "questo articolo ti è stato utile",
    "questo sito utilizza", "rate this article", "read our privacy", "receba as notícias",
    "receba as principais notícias", "recept afdrukken", "recevez chaque matin", "recommended by",
    "reset password", "reset your password", "rezept drucken", "s'abonner à", "sei qui",
    "sie sind hier", "siehe auch", "sign up for", "signing up", "sponsored links",
    "stampa la ricetta", "steun ons", "subscribe now", "subscribe to", "subscribed",
    "support our journalism", "suscríbete a", "suscríbete al boletín", "terms and conditions",
    "terms of service", "terms of use", "this article appeared in", "this article appears in",
    "this audio is", "this website uses", "todos os direitos reservados", "topics in this article",
    "u bent hier", "unsupported browser", "unterstützen sie uns", "update your browser",
    "upgrade your browser", "usamos cookies", "use cookies", "uses cookies", "usted está aquí",
    "usuario y contraseña", "utilizamos cookies", "utilizziamo cookie", "utilizziamo i cookie",
    "uutiskirje", "używamy plików cookie", "ver essa foto no instagram",
    "ver esta publicación en instagram", "ver esta publicação no instagram", "vi använder cookies",
    "view this photo on instagram", "view this post on instagram",
    "visualizza questo post su instagram", "você está aqui",
    "voir cette publication sur instagram", "vous êtes ici", "wachtwoord", "wachtwoord vergeten",
    "war dieser artikel hilfreich", "was dit artikel nuttig", "was this article helpful",
    "we and our partners", "we use cookies", "we value your privacy", "weitere beiträge",
    "wie bewerten sie diesen artikel", "wij gebruiken cookies", "wir informieren sie regelmäßig",
    "wir und unsere partner", "wir verwenden cookies", "wird geladen", "written permission",
    "wspieraj nas", "wszelkie prawa zastrzeżone", "you are here", "your browser does not support",
    "your browser doesn't support", "your browser is out of date", "your free trial", "your inbox",
    "your privacy choices", "your subscription", "zapisz się do newslettera", "zur startseite",
    "¿te ha resultado útil", "ähnliche beiträge", "çerez kullanıyoruz", "çerez politikamızı",
    "çerez politikası", "çerezler kullanıyoruz", "çerezleri kullanıyoruz", "ενημερωτικό δελτίο",
    "ви тут", "все права защищены", "вы здесь", "забули пароль", "забыли пароль",
    "ми використовуємо файли cookie", "мы используем файлы cookie", "нашу розсилку", "пароль",
    "подпишитесь на", "підпишіться на", "усі права захищені", "版权所有", "著作権", "무단 전재",
];

/// Headings that open a list of other stories: news feeds, "most read",
/// "related". A block equal to one of these, or starting with one and a
/// space or colon ("More from Business"), opens a sidebar section.
#[rustfmt::skip]
pub(crate) const SIDEBAR_HEADINGS: &[&str] = &[
    "aiheesta lisää", "aktuelle nachrichten", "also read", "articles similaires",
    "articoli correlati", "auch interessant", "benzer haberler", "best of", "breaking news",
    "bunlar da ilginizi çekebilir", "cele mai citite", "citește și", "czytaj także",
    "další zprávy", "das könnte dich auch interessieren", "das könnte sie auch interessieren",
    "dernières actualités", "dernières infos", "dernières nouvelles", "don't miss",
    "editor's picks", "editors' picks", "en continu", "en direct", "en çok okunanlar",
    "ezt is ajánljuk", "featured", "fil info", "friss hírek", "further information",
    "further reading", "gerelateerde artikelen", "hot network questions", "i più letti",
    "ilginizi çekebilir", "in case you missed it", "in other news", "kapcsolódó cikkek",
    "laatste nieuws", "latest", "latest articles", "latest news", "latest on", "latest posts",
    "latest stories", "le direct", "le fil info", "le più lette", "lee también", "lees ook",
    "legfrissebb", "leggi anche", "legolvasottabb", "leia mais", "leia também", "les også",
    "les plus lus", "les plus populaires", "linked questions", "live", "lo más leído", "lo último",
    "lue myös", "luetuimmat", "läs också", "læs også", "maggiori informazioni", "mais informações",
    "mais lidas", "meer informatie", "meest gelezen", "mehr zu", "mehr zum thema", "meistgelesen",
    "mest lest", "mest läst", "mest læste", "misschien interessant", "mohlo by vás zajímat",
    "more from", "more in", "more information", "more like this", "more news", "more on",
    "more stories", "most commented", "most popular", "most read", "most shared", "most viewed",
    "most viewed stories", "może cię zainteresować", "más información", "más leídas", "más leído",
    "najczęściej czytane", "najnovije vijesti", "najnovšie správy", "najnowsze", "najčitanije",
    "najčítanejšie", "nejnovější", "nejčtenější", "neueste beiträge", "news feed", "newsfeed",
    "noticias relacionadas", "ook interessant", "ostale obavijesti", "ostale vijesti",
    "plus d'informations", "popular", "popular now", "popular posts", "potrebbe interessarti",
    "povezane vijesti", "pročitajte i", "pročitajte još", "przeczytaj też",
    "puede que te interese", "quizás te interese", "read also", "read next", "recent posts",
    "recommended", "recommended for you", "recommended reading", "related", "related articles",
    "related content", "related coverage", "related news", "related posts", "related questions",
    "related stories", "relaterede artikler", "see also", "see more", "senaste nyheterna",
    "senaste nytt", "seneste nyheder", "seneste nyt", "siste nytt", "son dakika", "son haberler",
    "související články", "sur le même sujet", "súvisiace články", "también te puede interesar",
    "também pode gostar", "te puede interesar", "te-ar putea interesa", "ti potrebbe interessare",
    "top news", "top stories", "további hírek", "trending", "trending now", "tuoreimmat",
    "ultim'ora", "ultima ora", "ultime notizie", "ultimele știri", "uusimmat", "veja também",
    "você pode gostar", "você também pode gostar", "vous aimerez aussi",
    "vous aimerez peut-être aussi", "weitere artikel", "weitere informationen",
    "what to read next", "you may also be interested in", "you may also like",
    "you might also like", "you might be interested in", "zobacz także", "zobacz też",
    "zusatzinformationen", "à lire aussi", "à lire également", "ähnliche artikel", "çok okunanlar",
    "última hora", "últimas", "últimas noticias", "últimas notícias", "čtěte také", "čítajte aj",
    "știri pe scurt", "δείτε επίσης", "δημοφιλή", "διαβάστε επίσης", "ροή ειδήσεων",
    "σχετικά άρθρα", "τελευταίες ειδήσεις", "вам может быть интересно", "вас може зацікавити",
    "лента новостей", "найпопулярніше", "останні новини", "популярне", "популярное",
    "последние новости", "самое читаемое", "стрічка новин", "читайте также", "читайте також",
    "人気記事", "推荐阅读", "最新ニュース", "最新新闻", "最新記事", "热门文章", "热门新闻", "相关新闻", "相关阅读", "関連記事", "관련기사",
    "많이 본 뉴스",
];

/// First words of a list heading built as "<opener> … <noun>" ("More Great
/// WIRED Stories", "Other articles by this author", "Weitere Nachrichten aus
/// Bern"); see [`LIST_HEADING_NOUNS`].
#[rustfmt::skip]
pub(crate) const LIST_HEADING_OPENERS: &[&str] = &[
    "altri", "andere", "autres", "further", "lisää", "mais", "meer", "mehr", "more", "other",
    "otras", "otros", "outras", "plus", "weitere",
];

/// Nouns that close (or follow the opener of) a list heading.
#[rustfmt::skip]
pub(crate) const LIST_HEADING_NOUNS: &[&str] = &[
    "articles", "articoli", "artigos", "artikel", "artikelen", "artículos", "beiträge", "berichte",
    "meldungen", "nachrichten", "news", "nieuws", "noticias", "notizie", "notícias", "posts",
    "reads", "stories", "storys", "videos",
];

/// Headings of a recipe's ingredient list: the short lines under one
/// ("200 g Zucker", "5 Eier") are the article, however weak they read.
#[rustfmt::skip]
pub(crate) const INGREDIENT_HEADINGS: &[&str] = &[
    "ingredientes", "ingredienti", "ingredients", "ingrediënten", "ingrédients", "składniki",
    "zutaten", "ингредиенты", "інгредієнти",
];

/// Labels that open a list of tags, categories or filing places ("Tags:
/// a, b, c", "Abgelegt unter: Fotografie"). Matched at the start of a
/// block, followed by a colon or the end of the block.
#[rustfmt::skip]
pub(crate) const LIST_LABELS: &[&str] = &[
    "abgelegt unter", "argomenti", "categories", "category", "catégories", "etichete", "etiketler",
    "etiquetas", "filed under", "kategorie", "kategorien", "mots clés", "mots-clés", "onderwerpen",
    "posted in", "schlagworte", "schlagwörter", "stichworte", "tag", "taggar", "tagged",
    "tagged with", "tagi", "tags", "temas", "themen", "témata", "veröffentlicht in", "štítky",
    "метки", "мітки", "теги",
];

/// Calls to click that mark a short block as a promotion ("Click here to
/// get the app", "Do you rely on our reporting? Click here to support
/// it."), matched like [`BOILERPLATE_PHRASES`] but only in blocks of at
/// most `classify`'s promotion length limit: a paragraph that says where
/// to click for the full report is still the article.
#[rustfmt::skip]
pub(crate) const CLICK_PHRASES: &[&str] = &[
    "clicca qui", "click here", "cliquez ici", "haga clic aquí", "hier klicken", "kliknij tutaj",
];

/// Cues that a block describes a picture: positions of people in the frame,
/// "pictured", and the labels that introduce a photo credit.
#[rustfmt::skip]
pub(crate) const CAPTION_CUES: &[&str] = &[
    "(c)", "(center)", "(centre)", "(foto", "(l)", "(left)", "(photo", "(r)", "(right)",
    ", left, and", ", right, and", "/reuters", "abbildung:", "afp /", "afp via getty", "afp/",
    "ap photo", "bild:", "bildquelle", "credit:", "crédit photo", "dpa /", "dpa/", "epa /", "epa/",
    "file photo", "foto/", "foto:", "fotocredit", "from left", "getty images", "handout photo",
    "image credit", "image:", "imago", "in this handout photo", "in this photo",
    "in this undated photo", "keystone /", "photo :", "photo by", "photo credit",
    "photo provided by", "photo/", "photo:", "photograph by", "photograph:", "pictured",
    "reuters /", "reuters/", "shutterstock", "source de l'image", "von links",
];

/// A picture viewer's button text that a dump runs into the caption under
/// it ("Vergrößern Eine kleine runde Aussparung …"): a block opening with
/// one of these and a space is a caption.
#[rustfmt::skip]
pub(crate) const CAPTION_OPENERS: &[&str] = &[
    "agrandir", "ampliar", "enlarge", "enlarge this image", "ingrandisci", "vergroten",
    "vergrößern", "zoom",
];

/// Labels that introduce a photo credit inside a caption; the credit is the
/// text after the last one.
#[rustfmt::skip]
pub(crate) const CREDIT_LABELS: &[&str] = &[
    "bild:", "credit:", "crédit photo :", "crédit photo:", "fot.", "foto :", "foto:",
    "fotocredit:", "fotografie:", "fotoğraf:", "fotó:", "image:", "kuva:", "kuvat:", "kép:",
    "photo :", "photo by", "photo credit:", "photo:", "photograph:", "zdjęcie:", "©", "φωτ.:",
    "φωτο:", "φωτογραφία:",
];

/// Units of "N min read" style reading-time notes, in the languages served.
#[rustfmt::skip]
pub(crate) const READING_TIME_UNITS: &[&str] = &[
    "dakika", "dk", "min", "min čtení", "min.", "mins", "minut", "minut.", "minute", "minuten",
    "minuter", "minutes", "minuti", "minutos", "minutter", "minuty", "perc", "мин", "мин.",
    "минут", "хв", "хв.", "хвилин",
];

/// Words that follow the unit in a reading-time note ("3 min read",
/// "5 Minuten Lesezeit", "4 min de lecture").
#[rustfmt::skip]
pub(crate) const READING_TIME_WORDS: &[&str] = &[
    "czas czytania", "czytania", "de lectura", "de lecture", "di lettura", "doba čtení", "lectura",
    "lecture", "leestijd", "leitura", "lesezeit", "lettura", "lästid", "okuma süresi", "read",
    "reading", "reading time", "timp de citire", "čtení", "время чтения", "час читання", "читання",
    "чтения",
];

/// How an embedded social post names its author ("A post shared by Jane
/// Doe (@janedoe)"): with the handle after it, the embed's credit line.
#[rustfmt::skip]
pub(crate) const EMBED_CREDIT_OPENERS: &[&str] = &[
    "a post shared by", "een bericht gedeeld door", "ein beitrag geteilt von",
    "uma publicação compartilhada por", "un post condiviso da", "una publicación compartida por",
    "une publication partagée par",
];

/// Whole-block headings of a box about the page's author, beside or
/// under the post ("About Me" over a blog's profile, "About the author").
#[rustfmt::skip]
pub(crate) const PROFILE_HEADINGS: &[&str] = &[
    "about me", "about the author", "about the authors", "about the blogger", "about the writer",
    "author bio", "author profile", "chi sono", "my profile", "o autorovi", "o autorze", "o mnie",
    "sobre el autor", "sobre mi", "sobre mim", "sobre mí", "sobre o autor", "à propos de l'auteur",
    "à propos de moi", "über den autor", "über die autorin", "über mich", "об авторе",
    "про автора", "про мене",
];

/// Nouns that head a comment thread with its count ("3 Kommentare",
/// "12 comments", "Comments (4)", "5 thoughts on “…”").
#[rustfmt::skip]
pub(crate) const COMMENT_NOUNS: &[&str] = &[
    "antworten", "comentarii", "comentario", "comentarios", "comentariu", "comentário",
    "comentários", "comment", "commentaire", "commentaires", "commenti", "commento", "comments",
    "komentarz", "komentarze", "komentarzy", "komentář", "komentáře", "komentářů", "kommentar",
    "kommentare", "kommentarer", "reactie", "reacties", "replies", "response", "responses",
    "thoughts", "yorum", "yorumlar", "коментар", "коментарі", "коментарів", "комментариев",
    "комментарии", "комментарий", "комментария",
];

/// Whole-block labels of a comment form, which opens or closes the
/// readers' thread ("Leave a Reply", "Hinterlasse einen Kommentar").
#[rustfmt::skip]
pub(crate) const COMMENT_FORM_LABELS: &[&str] = &[
    "add a comment", "add comment", "comment on this article", "deja un comentario",
    "deja una respuesta", "hinterlasse einen kommentar", "join the conversation",
    "join the discussion", "kommentar schreiben", "kommentieren", "laisser un commentaire",
    "lascia un commento", "leave a comment", "leave a reply", "post a comment",
    "schreibe einen kommentar", "write a comment", "écrire un commentaire",
];

/// Words that stand for a count before a comment noun ("One comment",
/// "Ein Kommentar", "No comments").
#[rustfmt::skip]
pub(crate) const COMMENT_COUNT_WORDS: &[&str] = &[
    "a", "ein", "eine", "keine", "no", "one", "un", "una", "une", "uno", "één", "один",
];

/// Compiled matchers for the tables above.
pub(crate) struct Phrases {
    /// Substring matcher over [`BOILERPLATE_PHRASES`].
    pub(crate) boilerplate: AhoCorasick,
    /// Substring matcher over [`CLICK_PHRASES`].
    pub(crate) click: AhoCorasick,
    /// Matcher over [`CAPTION_CUES`].
    pub(crate) caption: AhoCorasick,
    /// "3 min read", "Lesezeit: 5 Minuten": group `n` is the number.
    pub(crate) reading_time: Regex,
    /// A picture gallery's counter: "Image 1 of 5", "Bild 2 von 7",
    /// "Photo 3/12".
    pub(crate) gallery_counter: Regex,
    /// Text-dump placeholders for images and form fields: `[image]`,
    /// `[https://…/a.jpg]`, `[      ]`, `( ) Option`.
    pub(crate) placeholder: Regex,
    /// The heading of a comment thread: a count and a comment noun, alone
    /// or before "on/zu/sur <title>", or the noun and a count in brackets.
    pub(crate) comment_heading: Regex,
    /// The first words of [`SIDEBAR_HEADINGS`]: a block whose first word
    /// is not one cannot open with a heading, and the table is not read.
    pub(crate) heading_openers: HashSet<&'static str>,
}

/// The phrase matchers, compiled on first use.
pub(crate) static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let units = alternation(READING_TIME_UNITS);
    let words = alternation(READING_TIME_WORDS);
    Phrases {
        boilerplate: phrase_matcher(BOILERPLATE_PHRASES),
        click: phrase_matcher(CLICK_PHRASES),
        caption: phrase_matcher(CAPTION_CUES),
        reading_time: compile(&format!(
            r"(?i)(?:(?P<n>\d{{1,3}})\s*{units}\s*{words}|{words}:?\s*(?P<m>\d{{1,3}})\s*{units})"
        )),
        gallery_counter: compile(&format!(
            r"(?i)^(?:{})\s+\d{{1,3}}\s*(?:of|von|de|di|sur|van|z|из|з|/)\s*\d{{1,3}}$",
            alternation(GALLERY_WORDS)
        )),
        placeholder: compile(r"^(?:\[[^\]]*\]\s*)+$|^\(\s?\)\s|^\[\s*[xX]?\s*\]\s"),
        comment_heading: {
            let nouns = alternation(COMMENT_NOUNS);
            let counts = alternation(COMMENT_COUNT_WORDS);
            compile(&format!(
                r"^(?:(?:\d{{1,6}}|{counts})\s+{nouns}(?:\s+(?:on|to|zu|auf|sur|à|a|su|op|do|на|к|до)\s.*|(?:\s+\S+){{1,2}})?|{nouns}\s*[(:]\s*\d{{1,6}}\)?)$"
            ))
        },
        heading_openers: SIDEBAR_HEADINGS.iter().filter_map(|h| h.split_whitespace().next()).collect(),
    }
});

/// True when a boilerplate phrase occurs in `lower` as whole words:
/// "password" in "forgot your password?" but not in "1password", "share" in
/// "share this" but not in "shareholders". Phrases in scripts written
/// without spaces (CJK) match anywhere.
pub(crate) fn has_boilerplate(lower: &str) -> bool {
    has_phrase(&PHRASES.boilerplate, lower)
}

/// True when `lower` holds a call to click ([`CLICK_PHRASES`]) on word edges.
pub(crate) fn has_click_phrase(lower: &str) -> bool {
    has_phrase(&PHRASES.click, lower)
}

/// True when a match of `matcher` in `lower` starts and ends on word edges.
fn has_phrase(matcher: &AhoCorasick, lower: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() && !is_unspaced_script(c);
    // Most blocks hold no phrase at all: the plain search rules them out
    // before the slower overlapping one.
    matcher.is_match(lower)
        && matcher.find_overlapping_iter(lower).any(|m| {
            let (before, phrase, after) = (&lower[..m.start()], &lower[m.range()], &lower[m.end()..]);
            let open =
                !(before.chars().next_back().is_some_and(word) && phrase.chars().next().is_some_and(word));
            let close =
                !(after.chars().next().is_some_and(word) && phrase.chars().next_back().is_some_and(word));
            open && close
        })
}

/// Scripts written without spaces between words: Han, kana, Hangul.
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// True when a lower-cased block opens with a tag or category label,
/// followed by a colon or nothing.
pub(crate) fn starts_with_list_label(lower: &str) -> bool {
    LIST_LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(':')
        })
    })
}

/// True when `key` (see [`super::label_key`]) is a whole-block UI label.
pub(crate) fn is_label(key: &str) -> bool {
    BOILERPLATE_LABELS.binary_search(&key).is_ok()
}

/// The sidebar heading `key` opens, if any: the whole key, or a table entry
/// followed by a space or colon.
pub(crate) fn sidebar_heading(key: &str) -> bool {
    if SIDEBAR_HEADINGS.binary_search(&key).is_ok() {
        return true;
    }
    // "more from business", "latest: world" — only short headings qualify.
    if key.split_whitespace().count() > 6 {
        return false;
    }
    // "more great wired stories", "weitere nachrichten aus bern".
    let mut words = key.split_whitespace();
    let opener = words.next().is_some_and(|w| LIST_HEADING_OPENERS.binary_search(&w).is_ok());
    let noun = |w: &str| LIST_HEADING_NOUNS.binary_search(&w).is_ok();
    if opener && (words.next().is_some_and(noun) || words.next_back().is_some_and(noun)) {
        return true;
    }
    may_open_with_heading(key) && SIDEBAR_HEADINGS.iter().any(|h| opens_with_heading(key, h))
}

/// Whether `key` is `heading`, alone or followed by a space or colon
/// ("more from business", "latest: world", "zutaten für 4 personen").
fn opens_with_heading(key: &str, heading: &str) -> bool {
    key.strip_prefix(heading).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
}

/// Whether a lower-cased block's first word starts some list heading.
fn may_open_with_heading(lower: &str) -> bool {
    let first = lower.split_whitespace().next().unwrap_or("");
    let openers = &PHRASES.heading_openers;
    openers.contains(first)
        || openers.contains(first.trim_end_matches(|c: char| !c.is_alphanumeric()))
        || openers.contains(first.split([':', '»', '>', '|', '–', '—']).next().unwrap_or(""))
}

/// Sidebar headings that also open ordinary headlines ("Live: …",
/// "Breaking news: …"): not read as the label of an inline link.
#[rustfmt::skip]
const HEADLINE_OPENERS: &[&str] = &[
    "best of", "breaking news", "en direct", "featured", "latest", "le direct", "live", "popular",
    "top news", "top stories", "trending",
];

/// True when a lower-cased block is an inline link to another story: a
/// list heading, a mark, and a title ("À lire aussi » …", "Related: …",
/// "Lesen Sie auch: …").
pub(crate) fn is_related_link(lower: &str) -> bool {
    may_open_with_heading(lower)
        && SIDEBAR_HEADINGS.iter().any(|h| {
            lower.strip_prefix(h).is_some_and(|rest| {
                rest.trim_start().starts_with([':', '»', '>', '|', '–', '—'])
                    && HEADLINE_OPENERS.binary_search(h).is_err()
            })
        })
}

/// True when a lower-cased block heads a recipe's ingredient list
/// ("Zutaten", "Ingredients:", "Zutaten für 4 Personen").
pub(crate) fn is_ingredient_heading(lower: &str) -> bool {
    let key = trim_label(lower);
    key.split_whitespace().count() <= 5 && INGREDIENT_HEADINGS.iter().any(|h| opens_with_heading(key, h))
}

/// True when a lower-cased block heads a comment thread ("3 kommentare",
/// "comments (12)", "5 thoughts on “the title”").
pub(crate) fn is_comment_heading(lower: &str) -> bool {
    let key = trim_label(lower);
    PHRASES.comment_heading.is_match(key) || COMMENT_FORM_LABELS.binary_search(&key).is_ok()
}

/// Reading time in minutes from a note like "1 min read", if `text` has one.
pub(crate) fn reading_time(text: &str) -> Option<u32> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let caps = PHRASES.reading_time.captures(text)?;
    caps.name("n").or_else(|| caps.name("m"))?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_table;

    #[test]
    fn built_list_headings() {
        for (key, want) in [
            ("more great wired stories", true),
            ("weitere informationen", true),
            ("mehr zu klima und konsum", true),
            ("weitere nachrichten aus bern", true),
            ("other articles by this author", true),
            ("more coverage of the budget vote", false),
            ("stories we loved this year", false),
        ] {
            assert_eq!(sidebar_heading(key), want, "{key:?}");
        }
    }

    #[test]
    fn ingredient_headings() {
        for (lower, want) in [
            ("zutaten", true),
            ("ingredients:", true),
            ("zutaten für 4 personen", true),
            ("zutaten-tauschbörse", false),
            ("ingredients matter more than the oven, the chef said at the start", false),
        ] {
            assert_eq!(is_ingredient_heading(lower), want, "{lower:?}");
        }
    }

    #[test]
    fn comment_headings() {
        for (lower, want) in [
            ("3 kommentare", true),
            ("12 comments", true),
            ("one comment", true),
            ("comments (4)", true),
            ("5 thoughts on “how to build a shed”", true),
            ("2 responses to \"a title\"", true),
            ("комментарии: 7", true),
            ("leave a reply", true),
            ("hinterlasse einen kommentar", true),
            ("comments", false),
            ("12 comments were removed by the moderators after the vote", false),
            ("63 kommentar themen", true),
            ("the 3 comments that changed the debate", false),
        ] {
            assert_eq!(is_comment_heading(lower), want, "{lower:?}");
        }
    }

    #[test]
    fn related_links() {
        for (lower, want) in [
            ("à lire aussi » ballonnements, lourdeurs : quel est votre profil digestif", true),
            ("related: the bridge that divided a town", true),
            ("live: ukraine war updates as they happen", false),
            ("related coverage of the harbour plan was published last week", false),
        ] {
            assert_eq!(is_related_link(lower), want, "{lower:?}");
        }
    }

    #[test]
    fn boilerplate_phrases_match_whole_words() {
        for (lower, want) in [
            ("forgot your password?", true),
            ("1password für mac generiert einmal-passwörter", false),
            ("sign up for our newsletter", true),
            ("newsletters", false),
            ("版权所有 2022", true),
            ("本站版权所有", true),
            ("password-protected pages", true),
        ] {
            assert_eq!(has_boilerplate(lower), want, "{lower:?}");
        }
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        assert_table("BOILERPLATE_LABELS", BOILERPLATE_LABELS);
        assert_table("GALLERY_WORDS", GALLERY_WORDS);
        assert_table("BOILERPLATE_PHRASES", BOILERPLATE_PHRASES);
        assert_table("CLICK_PHRASES", CLICK_PHRASES);
        assert_table("PROFILE_HEADINGS", PROFILE_HEADINGS);
        assert_table("EMBED_CREDIT_OPENERS", EMBED_CREDIT_OPENERS);
        assert_table("SIDEBAR_HEADINGS", SIDEBAR_HEADINGS);
        assert_table("HEADLINE_OPENERS", HEADLINE_OPENERS);
        assert_table("CAPTION_CUES", CAPTION_CUES);
        assert_table("CAPTION_OPENERS", CAPTION_OPENERS);
        assert_table("CREDIT_LABELS", CREDIT_LABELS);
        assert_table("LIST_LABELS", LIST_LABELS);
        assert_table("READING_TIME_UNITS", READING_TIME_UNITS);
        assert_table("READING_TIME_WORDS", READING_TIME_WORDS);
        assert_table("COMMENT_NOUNS", COMMENT_NOUNS);
        assert_table("INGREDIENT_HEADINGS", INGREDIENT_HEADINGS);
        assert_table("COMMENT_FORM_LABELS", COMMENT_FORM_LABELS);
        assert_table("LIST_HEADING_OPENERS", LIST_HEADING_OPENERS);
        assert_table("LIST_HEADING_NOUNS", LIST_HEADING_NOUNS);
        assert_table("COMMENT_COUNT_WORDS", COMMENT_COUNT_WORDS);
        for table in [BOILERPLATE_LABELS, BOILERPLATE_PHRASES, CLICK_PHRASES, SIDEBAR_HEADINGS, CAPTION_CUES]
        {
            for entry in table {
                assert_eq!(entry.to_lowercase(), *entry, "{entry:?} must be lower case");
            }
        }
        LazyLock::force(&PHRASES);
    }

    #[test]
    fn labels() {
        for (line, want) in [
            ("Skip to content", true),
            ("Edit post", true),
            ("Subscribe", true),
            ("* indicates required", false), // a phrase, not a label
            ("Share:", true),
            ("Lithuania's Defense Ministry", false),
        ] {
            assert_eq!(is_label(&crate::rules::label_key(line)), want, "{line:?}");
        }
    }

    #[test]
    fn gallery_counters() {
        for (line, want) in [
            ("Image 1 of 5", true),
            ("Bild 2 von 10", true),
            ("Foto 1 de 1", true),
            ("Photo 3/12", true),
            ("Image 1 of 5 NASA has picked SpaceX", false),
            ("1 of 5 companies", false),
        ] {
            assert_eq!(PHRASES.gallery_counter.is_match(line), want, "{line:?}");
        }
    }

    #[test]
    fn sidebar_headings() {
        for (line, want) in [
            ("News Feed", true),
            ("MORE NEWS", true),
            ("More from Business", true),
            ("Latest: World", true),
            ("Latest developments in the war against Russia and what comes next", false),
            ("Related", true),
            ("Relatedness", false),
            ("Meistgelesen", true),
            ("推荐阅读:今日新闻", true),
        ] {
            assert_eq!(sidebar_heading(&crate::rules::label_key(line)), want, "{line:?}");
        }
    }

    #[test]
    fn reading_times() {
        for (line, want) in [
            ("by The Kyiv Independent news desk October 3, 2022 5:15 PM 1 min read", Some(1)),
            ("12 minute read", Some(12)),
            ("Lesezeit: 5 Minuten", Some(5)),
            ("4 min de lecture", Some(4)),
            ("3 хв читання", Some(3)),
            ("Read more", None),
            ("5 minutes ago", None),
        ] {
            assert_eq!(reading_time(line), want, "{line:?}");
        }
    }

    #[test]
    fn placeholders() {
        for (line, want) in [
            ("[image]", true),
            ("[https://example.org/a.jpg]", true),
            ("[                    ]", true),
            ("[ ] Remember me", true),
            ("[1] A footnote with text", false),
            ("Regular text", false),
        ] {
            assert_eq!(PHRASES.placeholder.is_match(line), want, "{line:?}");
        }
    }
}
