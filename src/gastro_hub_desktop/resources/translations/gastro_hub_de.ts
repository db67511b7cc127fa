<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="31"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="75"/>
        <source>Checking and saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiPanel</name>
    <message>
        <location filename="../../ui/ai_panel.py" line="107"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="109"/>
        <source>Stop all automatic replies (kill switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="112"/>
        <source>Export today&apos;s learning report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="134"/>
        <source>Automatic replies (off unless you switch them on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="136"/>
        <source>Send drafts automatically when every rule allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="144"/>
        <source>also to VIP customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="145"/>
        <source>also to urgent messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="152"/>
        <source>Save rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="155"/>
        <source>For these kinds of message (all channels):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="156"/>
        <source>Only when the assistant is at least this sure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="157"/>
        <source>At most this many per customer per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="160"/>
        <source>Only in business hours: Mon–Fri 08:00–17:00 Europe/Prague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="165"/>
        <source>Drafting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="168"/>
        <source>Local: past replies and templates (no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="169"/>
        <source>OpenAI-compatible server (OpenAI, Ollama, vLLM…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="170"/>
        <source>Lindy agent (webhook trigger and callback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="175"/>
        <source>kept in the keyring; leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="176"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="182"/>
        <source>the trigger&apos;s secret; kept in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="185"/>
        <source>public address Lindy answers to (e.g. a tunnel to 127.0.0.1:8768)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="194"/>
        <source>What the assistant may tell customers: opening hours, delivery terms, prices it may quote, service areas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="211"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="213"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="214"/>
        <source>Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="215"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="216"/>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="218"/>
        <source>Lindy webhook URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="219"/>
        <source>Lindy secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="220"/>
        <source>Callback address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="221"/>
        <source>Price per million prompt tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="222"/>
        <source>Price per million answer tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="223"/>
        <source>Business name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="224"/>
        <source>Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="225"/>
        <source>Knowledge base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="226"/>
        <source>Minutes a reply takes by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="227"/>
        <source>Hourly rate (CZK):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="232"/>
        <source>Urgency keywords (yours; the app also learns from corrections)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="242"/>
        <source>word or phrase, e.g. nefunguje chlazení</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="247"/>
        <source>A negative weight says it is NOT (e.g. no rush)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="248"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="260"/>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="293"/>
        <source>Keyword not saved: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="307"/>
        <source>Reply templates (the local provider&apos;s first drafts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="322"/>
        <source>{name}, {company}, {business} and {subject} are filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="324"/>
        <source>Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="374"/>
        <source>No learning report yet: the first is made tonight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="383"/>
        <source>The figures could not be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="454"/>
        <source>Enter the Lindy webhook URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="477"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="482"/>
        <source>Connected: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="484"/>
        <source>Not connected: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="492"/>
        <source>{0} automatic replies were held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="498"/>
        <source>Export learning report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="504"/>
        <source>Report saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/social_posts.py" line="145"/>
        <source>New post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="151"/>
        <source>a picture&apos;s https address (Instagram needs one) or a file on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="153"/>
        <source>Publish now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="161"/>
        <source>Loading your pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="166"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="170"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="171"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="172"/>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="173"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="187"/>
        <source>Connect a Facebook Page, Instagram or LinkedIn page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="206"/>
        <source>Write the post first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="209"/>
        <source>Choose at least one page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="213"/>
        <source>That time has passed: choose a later one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="216"/>
        <source>Keeping the post…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="133"/>
        <source>Enter the </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="71"/>
        <location filename="../../ui/conversation_pane.py" line="193"/>
        <source>Select a conversation to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="78"/>
        <source>Write a reply… it is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="80"/>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="81"/>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="82"/>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="83"/>
        <source>Send template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="85"/>
        <source>Reject draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="87"/>
        <source>Throw this AI draft away (counted as rejected, so the assistant learns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="93"/>
        <source>How urgent the customer&apos;s newest message is; correct it and the assistant learns from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="100"/>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="101"/>
        <source>Mark this customer as VIP by hand (always wins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="112"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="170"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="204"/>
        <source>Could not open the conversation: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="215"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="215"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="217"/>
        <source>snoozed until </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="274"/>
        <location filename="../../ui/conversation_pane.py" line="284"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="285"/>
        <source>Draft not saved: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="294"/>
        <source>Links in messages are not opened from here: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="305"/>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="326"/>
        <source>Loading images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversation_pane.py" line="333"/>
        <source>%n image(s) loaded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="338"/>
        <source>Images not loaded: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="343"/>
        <source>Saving attachment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="346"/>
        <source>Attachment saved to </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="347"/>
        <source>Attachment not saved: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="361"/>
        <source>, confidence {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="370"/>
        <source>AI draft ({0}{1}): {2}. Send it as it is, edit it first, or reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="382"/>
        <source>VIP not changed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="394"/>
        <source>Urgency corrected; the assistant learns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="395"/>
        <source>Urgency not changed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="407"/>
        <source>Draft rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="411"/>
        <source>Draft not rejected: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="428"/>
        <source>Reply queued: sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="432"/>
        <source>Reply not sent: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="444"/>
        <source>Template queued: sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="456"/>
        <source>Marked done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="456"/>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="459"/>
        <source>Not changed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="468"/>
        <source>Wake now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="479"/>
        <source>Snoozed until </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="479"/>
        <source>Woken up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="483"/>
        <source>Not snoozed: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrmImportDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="52"/>
        <source>Import CRM contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="55"/>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="57"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="60"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="67"/>
        <source>Which of your columns holds what?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="74"/>
        <source>Not imported: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="87"/>
        <source>{0} columns found; check the choices and press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="96"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="104"/>
        <source>{0} records matched customers you already write with, {1} new contacts; {2} records suggest merging contacts (see Customers → Same customer?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="110"/>
        <source> Not used: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="63"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="64"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="67"/>
        <source>Customer messages per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="68"/>
        <source>Median time to reply (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="69"/>
        <source>AI drafts sent unchanged (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="115"/>
        <source>The figures could not be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="128"/>
        <source>{0} messages triaged today; acceptance over 7 days {1}; {2:.0f} min and {3:,.0f} {4} saved; {5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>kill switch ON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="138"/>
        <source>auto-reply off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="140"/>
        <source>auto-reply on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="148"/>
        <source>No channel connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailAccountDialog</name>
    <message>
        <location filename="../../ui/email_accounts.py" line="86"/>
        <source>Add email account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="90"/>
        <source>Other IMAP/SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="94"/>
        <source>the email address, if left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="96"/>
        <source>Password or app password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="97"/>
        <source>OAuth2 access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="98"/>
        <source>OAuth2 refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="105"/>
        <source>leave empty if the app has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="127"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="128"/>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="129"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="130"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="131"/>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="132"/>
        <source>Password / token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="133"/>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="134"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="135"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="136"/>
        <source>Token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="139"/>
        <source>IMAP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="142"/>
        <source>SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="144"/>
        <source>Fetch history (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="145"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="188"/>
        <source>Enter the servers your provider gives for IMAP and SMTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="231"/>
        <source>Enter the email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="233"/>
        <source>Enter the IMAP and SMTP servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="236"/>
        <source>Enter the client id the refresh token was issued to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="238"/>
        <source>Enter the refresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="240"/>
        <source>Enter the token endpoint (an https:// address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="242"/>
        <source>Enter the password, app password or token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="259"/>
        <source>Testing… (logging in to IMAP and SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="270"/>
        <source>Checking and saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="54"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="56"/>
        <source>Something went wrong, but the app keeps running and nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="59"/>
        <source>What happened: {0}

The details are in the log: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../ui/inbox_panel.py" line="75"/>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="85"/>
        <source>VIP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="94"/>
        <source>Search all messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="175"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_panel.py" line="237"/>
        <source>%n conversation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <location filename="../../ui/main_window.py" line="433"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;Import mailbox or chat export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Load &amp;sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Import CRM contacts (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Same customer? Merge contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>Database: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389"/>
        <source>Database unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396"/>
        <source>Stack needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>Reply not sent: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>Failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448"/>
        <source>Loading sample data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>Import mailbox or chat export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="490"/>
        <source>{0} urgent or VIP messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>Automatic replies stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="512"/>
        <source>Automatic replies allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source> ({0} held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="520"/>
        <source>Kill switch not changed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>Import CRM contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="547"/>
        <source>Importing </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <source>Wait for the running import to finish or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576"/>
        <source>Cancelling after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="585"/>
        <source>All customer conversations in one place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="122"/>
        <source>Same customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="125"/>
        <source>Merge into one contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="127"/>
        <source>Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="132"/>
        <source>These contacts look like one customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="135"/>
        <source>Merged contacts (can be undone):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="151"/>
        <source> — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="155"/>
        <source>No suggestions: every customer is one contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="160"/>
        <source>Contact {0} merged into {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissiveAccountDialog</name>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="31"/>
        <source>Connect Missive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="35"/>
        <source>info@firma.cz, obchod@firma.cz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="43"/>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="44"/>
        <source>Team addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="45"/>
        <source>Fetch history (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="46"/>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="66"/>
        <source>Enter the Missive API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="69"/>
        <source>This is not an email address: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="71"/>
        <source>The API address must start with https://</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../ui/search_results.py" line="30"/>
        <source>No messages contain “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_results.py" line="32"/>
        <source>%n message(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocialPostsPanel</name>
    <message>
        <location filename="../../ui/social_posts.py" line="65"/>
        <source>New post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="66"/>
        <source>Retry failed pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="74"/>
        <source>&lt;b&gt;Posts&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="115"/>
        <source>No posts yet. Connect a page above, then New post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="130"/>
        <source>Trying the failed pages again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StackPanel</name>
    <message>
        <location filename="../../ui/stack_panel.py" line="54"/>
        <source>Looking for Docker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="62"/>
        <source>Bring the stack up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="64"/>
        <source>Update images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="76"/>
        <location filename="../../ui/stack_panel.py" line="176"/>
        <source>(all services)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="82"/>
        <source>Follow log of the selected service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="86"/>
        <source>Search the logs of every service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="94"/>
        <source>Stack file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="96"/>
        <source>Use the stack&apos;s PostgreSQL for the app&apos;s data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="112"/>
        <source>What the watchdog did:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="139"/>
        <source>Docker is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="146"/>
        <source>{0} of {1} services healthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="153"/>
        <source>not created yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="182"/>
        <source>{0} {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="185"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="190"/>
        <source>Bringing the stack up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="193"/>
        <source>Downloading newer images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="213"/>
        <source>Select a service first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="237"/>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="244"/>
        <source>The stack&apos;s docker-compose.yml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="257"/>
        <source>Moving the app&apos;s data to the stack&apos;s PostgreSQL…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/template_dialog.py" line="39"/>
        <source>Send an approved template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="43"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="44"/>
        <source>Loading the approved templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="49"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="69"/>
        <source>This WhatsApp account has no approved templates yet. Add them in the account&apos;s settings (their names come from Twilio&apos;s Content Template Builder or Meta&apos;s WhatsApp Manager).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="91"/>
        <source>Value {{%d}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="104"/>
        <source>Fill in every value of the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="107"/>
        <source>Queuing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="21"/>
        <source>Open %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="23"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="25"/>
        <source>Stop all automatic replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="60"/>
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="60"/>
        <source>no unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppAccountDialog</name>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="101"/>
        <source>Connect WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="112"/>
        <source>Twilio sandbox (one message per 3 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="115"/>
        <source>Account SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="116"/>
        <source>Auth Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="117"/>
        <source>API key SID (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="118"/>
        <source>API key secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="119"/>
        <source>Messaging Service SID (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="126"/>
        <source>Phone number id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="127"/>
        <source>WhatsApp Business Account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="128"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="129"/>
        <source>App secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="130"/>
        <source>Webhook verify token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="144"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="146"/>
        <source>the provider&apos;s public API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="155"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="156"/>
        <source>WhatsApp number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="157"/>
        <source>Name shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="159"/>
        <source>Webhook receiver address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="160"/>
        <source>Webhook receiver port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="161"/>
        <source>Public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="162"/>
        <source>Also poll every (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="163"/>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="164"/>
        <source>Approved templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="186"/>
        <source>Enter the number to see the webhook address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="192"/>
        <source>Webhook URL to enter at the provider: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="195"/>
        <source>  (received on this PC at </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="233"/>
        <source>Enter the WhatsApp number with its country code (+420…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="242"/>
        <source>Enter the Account SID and Auth Token (Twilio Console).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="244"/>
        <source>Enter the API key&apos;s secret, or leave the API key SID empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="253"/>
        <source>Enter the phone number id, access token and app secret.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
