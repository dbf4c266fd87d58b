talk_title = 'From Coroutines to Concurrency'
full_name  = 'Vishal Vivek Prasad'
