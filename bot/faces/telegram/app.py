"""Builds the Application: one place that wires every handler, in order, and its lifecycle."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from functools import partial
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.content import DEFAULT_LANG, Website, WebsiteError
from bot.conversation.conversation import Conversation
from bot.conversation.feedback import RETENTION_DAYS, AnswerLog
from bot.conversation.i18n import N_, interface_languages, translator
from bot.engine import AnswerEngine
from bot.engine.cache import start_engine
from bot.faces.live import LiveContent
from bot.faces.settings import Settings
from bot.faces.telegram.admin import AdminHandlers
from bot.faces.telegram.claims import UpdateClaims
from bot.faces.telegram.errors import on_error
from bot.faces.telegram.handlers import Handlers
from bot.faces.telegram.offsets import (
    HandledUpdates,
    TrackingApplication,
    confirm_handled,
    confirm_only_handled,
)
from bot.faces.telegram.ordering import PerUserOrder
from bot.faces.telegram.pacing import ChatPacing
from bot.faces.telegram.redact import redact, redact_logs
from bot.faces.telegram.transport import AiohttpRequest, over_aiohttp
from bot.faces.telegram.webhook import (
    WebhookConfigError,
    WebhookSettings,
    secret_for,
    serve_webhook,
)
from bot.store import Store, store_at
from bot.store.leader import Duty, Scheduler, answer_log_retention, housekeeping, worker_name
from bot.store.postgres import password_of

log = logging.getLogger(__name__)
# sysexits' EX_CONFIG: a rejected token stays rejected, so the systemd unit does not restart on
# it (RestartPreventExitStatus). Anything else that stops the bot exits 1 and is restarted.
EXIT_TOKEN_REJECTED = 78
REMINDER_TICK = 20.0  # seconds between looks for due reminders: each goes out within a minute
PRACTICE_TICK = 2.0  # seconds between looks at the sessions in progress (redrawn every 10 s)
LOG_BATCH_SECONDS = 1.0
COMMANDS = (
    ("start", N_("What I can do")),
    ("random", N_("A random exercise, e.g. /random beginner")),
    ("session", N_("A session to do now, e.g. /session 15 beginner")),
    ("sessions", N_("Your saved sessions")),
    ("progress", N_("Your streak and minutes")),
    ("remind", N_("A daily reminder, e.g. /remind 07:30")),
    ("favorites", N_("Your saved exercises")),
    ("language", N_("Choose your language")),
    ("help", N_("How to ask me")),
    ("forget", N_("Delete everything stored about you")),
)


def commands(lang: str) -> list[BotCommand]:
    """The commands menu in one language."""
    _ = translator(lang)
    return [BotCommand(name, _(description)) for name, description in COMMANDS]


def build_application(
    engine: AnswerEngine,
    store: Store,
    token: str,
    *,
    base_url: str | None = None,
    concurrent_updates: int = 1,
    rate_limit: bool = True,
    site: Website | None = None,
    live: LiveContent | None = None,
    watch: bool = False,
    admin_ids: frozenset[int] = frozenset(),
    log_retention: float = RETENTION_DAYS,
) -> Application:  # type: ignore[type-arg]
    """The bot, ready to run: the store opens in post_init and closes in post_shutdown.

    `site`: where the content is published (cards with pictures and links to the pages);
    `live`: the content, reloaded on SIGHUP and /reload (and when its files change, with
    `watch`); `admin_ids`: who may /reload and /report; `log_retention`: days the answer log
    keeps message texts."""
    # Answers are logged in batches, once a second: the log never makes an answer wait for
    # the disk.
    answers = AnswerLog(store, retention_days=log_retention, batch_seconds=LOG_BATCH_SECONDS)
    conversation = Conversation(engine, store, site=site, answer_log=answers)
    if live is not None:
        live.follow(conversation)
    handlers = Handlers(conversation)
    stop_scheduler = asyncio.Event()
    scheduled: list[asyncio.Task[None]] = []

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        await store.open()
        # Scheduled work, done by one worker of all (the lease holder).
        clock = Duty(
            "practice clock", PRACTICE_TICK, partial(handlers.practice_clock, application.bot)
        )
        reminders = Duty(
            "reminders", REMINDER_TICK, partial(handlers.send_reminders, application.bot)
        )
        retention = answer_log_retention(store, log_retention)
        duties = [housekeeping(store), retention, clock, reminders]
        scheduler = Scheduler(store, worker_name(), duties)
        scheduled.append(asyncio.create_task(scheduler.run(stop_scheduler)))
        # Each worker writes its own answers.
        scheduled.append(asyncio.create_task(answers.run(stop_scheduler)))
        if live is not None:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, live.reload_soon)
            if watch:
                scheduled.append(asyncio.create_task(live.watch(stop_scheduler)))
        # The default menu in English, and one per language Telegram users may have set.
        await application.bot.set_my_commands(commands(DEFAULT_LANG))
        for lang in interface_languages():
            if lang != DEFAULT_LANG:
                await application.bot.set_my_commands(commands(lang), language_code=lang)

    async def post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
        stop_scheduler.set()
        if live is not None:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            await live.close()
        await asyncio.gather(*scheduled)  # the answer log's last rows written
        await store.close()

    handled = HandledUpdates()

    builder = (
        ApplicationBuilder()
        .token(token)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        # Replies paced per chat, bot-initiated sends at ~30/s, a 429 pausing only its chat.
        .rate_limiter(ChatPacing() if rate_limit else None)  # type: ignore[arg-type]
        .concurrent_updates(
            PerUserOrder(concurrent_updates, on_dropped=handled.handled)
            if concurrent_updates > 1
            else False
        )
        .post_init(post_init)
        .post_stop(confirm_handled)
        .post_shutdown(post_shutdown)
        # Telegram is told an update was received only once it has been handled.
        .application_class(TrackingApplication, kwargs={"handled_updates": handled})
    )
    builder = over_aiohttp(builder, concurrent_updates)
    if base_url:
        root = base_url.removesuffix("/bot")
        builder = builder.base_url(base_url).base_file_url(f"{root}/file/bot")
    application = builder.build()
    confirm_only_handled(application)
    register(application, handlers)
    if admin_ids:
        content_root = live.root if live is not None else None
        register_admin(application, AdminHandlers(conversation, live, content_root), admin_ids)
    return application


def register_admin(
    application: Application,  # type: ignore[type-arg]
    admin: AdminHandlers,
    admin_ids: frozenset[int],
) -> None:
    """The operators' commands, first and for their user ids only: anyone else's /reload or
    /report meets no handler, as an unknown command does."""
    operators = filters.User(user_id=admin_ids)
    application.add_handler(CommandHandler("reload", admin.reload, filters=operators), group=-1)
    application.add_handler(CommandHandler("report", admin.report, filters=operators), group=-1)


def register(application: Application, handlers: Handlers) -> None:  # type: ignore[type-arg]
    """Every handler, in the order Telegram updates should meet them."""
    # Commands, also the menu set in post_init.
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help))
    application.add_handler(CommandHandler("random", handlers.random))
    application.add_handler(CommandHandler("session", handlers.session))
    application.add_handler(CommandHandler(["sessions", "mysessions"], handlers.sessions))
    application.add_handler(CommandHandler("progress", handlers.progress))
    application.add_handler(CommandHandler("remind", handlers.remind))
    application.add_handler(
        CommandHandler(["favorites", "favourites", "favs"], handlers.favourites)
    )
    application.add_handler(CommandHandler("forget", handlers.forget))
    application.add_handler(CommandHandler("language", handlers.language))
    # Free text, new messages only: an edited question is not asked again.
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, handlers.text)
    )
    # Anything else people send (stickers, photos, voice, locations, unknown commands).
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & ~filters.TEXT, handlers.unsupported)
    )
    # Buttons under cards, and @bot queries from any chat.
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(InlineQueryHandler(handlers.inline))
    application.add_error_handler(on_error)


def run_bot(settings: Settings) -> int:
    """`pilates-bot run`: long polling, or a webhook with --webhook-url."""
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=settings.log_level
    )
    token = settings.token
    if not token:
        print("error: no bot token: pass --token or set TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2
    try:
        site = settings.website
    except WebsiteError as exc:
        print(f"error: {exc} (--site-url, PILATES_BOT_SITE_URL)", file=sys.stderr)
        return 2
    secret = settings.secret_token or ""
    if settings.webhook_url and not secret:
        secret = secret_for(token)  # the same in every worker; Telegram learns it in setWebhook
    redact_logs([token, secret, *password_of(settings.db)])  # before anything logs, at any level
    webhook: WebhookSettings | None = None
    if settings.webhook_url:
        try:
            webhook = WebhookSettings(
                settings.webhook_url,
                secret,
                settings.listen,
                settings.port,
                settings.max_connections,
            )
        except WebhookConfigError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    # ContentError: no exercise to serve. The index cache makes a restart with the same
    # content read one file instead of parsing and indexing every page.
    started = start_engine(settings.content, settings.index_cache)
    result, engine = started.result, started.engine
    for problem in result.errors:
        log.warning("content: %s", problem)
    store = store_at(settings.db)
    base_url = settings.base_url
    application = build_application(
        engine,
        store,
        token,
        base_url=base_url,
        concurrent_updates=settings.concurrent_updates,
        site=site,
        live=LiveContent(settings.content, result.library),
        watch=settings.watch,
        admin_ids=settings.admin_ids,
        log_retention=settings.log_retention,
    )
    log.info(
        "%d exercises loaded from %s%s; store: %s",
        len(result.library),
        settings.content,
        " (index cache)" if started.from_cache else "",
        store,
    )
    if site is not None:
        log.info("cards show pictures from and link to %s", site.base_url)
    api = urlsplit(base_url or "https://api.telegram.org").netloc
    try:
        asyncio.run(check_token(token, base_url))
        if webhook is not None:
            asyncio.run(_serve_until_signalled(application, webhook, UpdateClaims(store)))
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        print(
            f"error: Telegram rejected the bot token (401 Unauthorized from {api}); "
            "check TELEGRAM_BOT_TOKEN or --token",
            file=sys.stderr,
        )
        return EXIT_TOKEN_REJECTED
    except NetworkError as exc:  # TimedOut included
        print(f"error: cannot reach the Telegram Bot API at {api}: {exc.message}", file=sys.stderr)
        return 1
    except TelegramError as exc:
        print(f"error: Telegram refused: {redact(exc.message, [token, secret])}", file=sys.stderr)
        return 1
    except OSError as exc:  # the webhook's address is taken or not ours
        print(f"error: cannot serve the webhook: {exc}", file=sys.stderr)
        return 1
    return 0


async def check_token(token: str, base_url: str | None) -> None:
    """getMe before anything starts: InvalidToken or NetworkError, not a traceback later."""
    bot = Bot(
        token,
        base_url=base_url or "https://api.telegram.org/bot",
        request=AiohttpRequest(pool_size=1),
        get_updates_request=AiohttpRequest(pool_size=1),
    )
    async with bot:
        pass


async def _serve_until_signalled(
    application: Application,  # type: ignore[type-arg]
    webhook: WebhookSettings,
    claims: UpdateClaims,
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve_webhook(application, webhook, stop, claims)
